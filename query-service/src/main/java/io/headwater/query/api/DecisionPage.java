package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A model version's decisions in time order: the total, one page, and the cursor for the next (null at the end). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionPage(String modelVersionId, long total, List<DecisionView> decisions, String nextCursor) {
}
