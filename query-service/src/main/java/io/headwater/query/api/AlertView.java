package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A drift or quality alert as the API shows it, with the way to its provenance: the model version,
 * the training run whose reference profile it was compared with, and the URL of the model version
 * (its training run, code, environment and data) in the API and, {@code uiUrl}, on the web page a person opens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(String alertId, String modelName, String modelVersion, String modelVersionId, String feature, String metric,
                        double value, double threshold, String severity, String state, Instant windowStart, Instant windowEnd,
                        Instant openedAt, Instant updatedAt, String trainingRun, String provenanceUrl, String uiUrl) {
}
