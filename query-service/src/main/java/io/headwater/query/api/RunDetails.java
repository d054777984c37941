package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the graph knows of one run: its job and code, environment, parameters, metrics, the
 * dataset versions it read (with their roles) and wrote, the model versions it produced, and its
 * parent and child runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunDetails(String id, String runId, String job, String state, Instant startTime, Instant endTime, String errorMessage,
                         String parentRun, List<String> childRuns, Map<String, String> parameters, List<MetricValue> metrics,
                         Code code, EnvironmentDetails environment, List<DataRef> inputs, List<DataRef> outputs,
                         List<String> producedModelVersions) {

    /** One recorded metric value; a metric logged per step appears once per step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricValue(String name, double value, Long step, String timestamp) {
    }

    /**
     * The job version: where the code lives and which commit, or the SQL / source that ran;
     * {@code uncommittedChanges} when the run's working tree differed from the commit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Code(String jobVersion, String repoUrl, String url, String path, String commit, String branch, String tag,
                       String sql, String language, String sourceCode, Boolean uncommittedChanges) {
    }

    /** The environment the run ran in, identified by a hash of its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnvironmentDetails(String id, String runtime, String runtimeVersion, String os, String containerImage,
                                     String imageDigest, Map<String, String> packages, List<Map<String, Object>> gpus) {
    }

    /**
     * A dataset a run read or wrote: the dataset, the exact version (null when none was known at the
     * read), the role (training, validation, test) and when.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataRef(String dataset, String datasetVersion, String version, String role, Instant at, String writtenBy) {
    }
}
