package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A model version as the inventory lists it: where the artifact is, the run that trained it, how many decisions it made. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(String id, String name, String version, String uri, String digest, String framework,
                               String trainingRun, Instant createdAt, Long decisionCount) {
}
