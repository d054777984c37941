package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Q2: the decisions of every model version trained, directly or through any chain of jobs, on a node (a dataset
 * version, usually), narrowed by model and time, one page at a time (pass nextCursor as cursor). The versions are
 * listed with all their decisions counted; the page holds only those in the window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionList(String trainedOn, String model, Instant from, Instant until, List<Impact.ModelVersionImpact> modelVersions,
                           List<DecisionView> decisions, String nextCursor, boolean partial, String partialReason) implements PartialAnswer {
}
