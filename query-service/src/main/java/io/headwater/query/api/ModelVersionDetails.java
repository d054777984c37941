package io.headwater.query.api;

/** One model version: the version, the run that trained it (code, environment, data) and its first page of decisions. */
public record ModelVersionDetails(ModelVersionView version, RunDetails trainingRun, DecisionPage decisions) {
}
