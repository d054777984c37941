package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Q8: a model version's validation runs (runs that read what its training run wrote, the model, in the
 * {@code validation} role), the last one that completed, the drift alerts opened since then and those
 * still open from before, and the reference profile the monitoring windows are judged against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelValidations(String modelVersionId, List<Validation> validations, Validation lastValidation, List<AlertView> alertsSince,
                               List<AlertView> openFromBefore, ReferenceProfile referenceProfile, String note) {

    /** One validation run: when, how it ended, its final metrics and the data it validated on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(String runId, String job, String state, Instant startTime, Instant endTime, Map<String, Double> metrics,
                             List<RunDetails.DataRef> data) {
    }

    /** The training data's distribution of each feature, on the bins the windows are judged on. */
    public record ReferenceProfile(String trainingRun, Map<String, Feature> features) {

        @Schema(name = "ValidationFeature", description = "One feature of the reference profile: its bins and their shares")
        public record Feature(List<String> labels, List<Double> reference) {
        }
    }
}
