package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model version's technical documentation as Headwater knows it (EU AI Act Annex IV 2(d) and 2(g)): the
 * training, validation and test data with their provenance, the training run's code, environment, parameters
 * and metrics, the validation runs, what changed from the previous version (a run comparison), and its alerts.
 * Stable under {@code asOf}: the graph, validations and alerts as they were known then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDocumentation(Instant generatedAt, String generatedBy, Instant asOf, ModelVersionView modelVersion, RunDetails trainingRun,
                                 Map<String, List<RunDetails.DataRef>> data, List<Provenance.UpstreamStep> upstream,
                                 List<ModelValidations.Validation> validations, String previousVersion, RunComparison changesFromPrevious,
                                 List<AlertView> alerts, boolean partial, String partialReason, Redacted redacted) implements PartialAnswer {
}
