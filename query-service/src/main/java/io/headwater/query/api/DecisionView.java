package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One decision as the API shows it: what the model answered, when, about whom, and the model
 * version and training run it is linked to ({@code linked=false} while the version is unknown), and where to get
 * the recipe that rebuilds its model (Q1: the training run's reproduction, once known).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(String decisionId, String modelName, String modelVersion, String modelVersionId, boolean linked,
                           String trainingRunId, Instant decisionTime, Instant receivedAt, String inputsRef, String inputsHash,
                           String subjectId,
                           @Schema(implementation = Object.class, description = "The model's output, as the serving system sent it: any JSON value")
                           JsonNode output, Map<String, String> metadata, String sentBy, String reproduce) {
}
