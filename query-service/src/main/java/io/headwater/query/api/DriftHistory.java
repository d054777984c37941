package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A model version's monitoring windows as they were judged, oldest first: per feature each drift metric
 * (psi, js, ks; quality metrics under {@code __quality__}) with its warn and alert thresholds, and both
 * distributions on the same bins, the training data's and the window's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftHistory(String modelVersionId, String referenceProfile, List<Window> windows) {

    public record Window(Instant windowStart, Instant windowEnd, long sampleCount, Map<String, Feature> features) {
    }

    @Schema(name = "DriftFeature", description = "One feature in one window: its drift metrics, their thresholds, and the histogram")
    public record Feature(Map<String, Double> metrics, Map<String, Double> warn, Map<String, Double> alert, List<String> labels,
                          List<Double> reference, List<Double> observed) {
    }
}
