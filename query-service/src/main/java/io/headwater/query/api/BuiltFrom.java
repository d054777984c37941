package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Every model version built from one commit or one container image (exact, not a prefix): the job versions or
 * environments that carry it, and each model version with its training run and how many decisions it made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuiltFrom(String commit, String image, List<String> sources, List<Version> modelVersions, long decisionCount) {

    /** @param via the job versions or environments through which this version was built from it */
    public record Version(String id, String trainingRun, long decisionCount, List<String> via) {
    }
}
