package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Everything downstream of a node: the jobs whose runs used it, the dataset versions those runs
 * wrote, the model versions they trained with how many decisions each made, and a page of those
 * decisions (all model versions together, by version then time).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Impact(String nodeId, List<String> jobs, int runCount, List<String> runs, List<String> datasetVersions,
                     List<ModelVersionImpact> modelVersions, long decisionCount, List<DecisionView> decisions, String nextCursor,
                     boolean partial, String partialReason, Redacted redacted) implements PartialAnswer {

    public record ModelVersionImpact(String id, long decisionCount) {
    }
}
