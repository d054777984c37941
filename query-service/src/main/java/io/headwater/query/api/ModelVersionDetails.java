package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One model version: the version, the run that trained it (code, environment, data) and its first page of decisions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionDetails(ModelVersionView version, RunDetails trainingRun, DecisionPage decisions, Redacted redacted) {
}
