package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to run a run again: the code at its commit (and how to check it out), the
 * image by digest, the packages pinned, the parameters, the exact input versions with their roles,
 * and what it should produce (final metrics, outputs, model versions). {@code missing} names what
 * was not recorded, so a colleague knows where the recipe has gaps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reproduction(String run, String job, String state, RunDetails.Code code, List<String> checkout,
                           RunDetails.EnvironmentDetails environment, String image, String requirements,
                           Map<String, String> parameters, List<RunDetails.DataRef> inputs, Map<String, Double> expectedMetrics,
                           List<RunDetails.DataRef> expectedOutputs, List<String> expectedModelVersions, List<String> missing) {
}
