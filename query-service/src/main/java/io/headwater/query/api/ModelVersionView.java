package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A model version as the inventory lists it: where the artifact is, the run that trained it, how many decisions it made, its open alerts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(String id, String name, String version, String uri, String digest, String framework,
                               String trainingRun, Instant createdAt, Long decisionCount, Integer openAlerts, String openSeverity) {

    public ModelVersionView(String id, String name, String version, String uri, String digest, String framework, String trainingRun,
                            Instant createdAt, Long decisionCount) {
        this(id, name, version, uri, digest, framework, trainingRun, createdAt, decisionCount, null, null);
    }

    /** With its open drift alerts counted, and the worst of their severities (ALERT over WARN); null when none is open. */
    public ModelVersionView withOpenAlerts(int open, String worst) {
        return new ModelVersionView(id, name, version, uri, digest, framework, trainingRun, createdAt, decisionCount, open, worst);
    }
}
