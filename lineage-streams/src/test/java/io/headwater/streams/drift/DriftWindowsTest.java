package io.headwater.streams.drift;

import io.headwater.avro.DistributionKind;
import io.headwater.avro.DriftWindow;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.FeatureDrift;
import io.headwater.avro.MonitoringStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A judged window as the drift history keeps it. */
class DriftWindowsTest {

    private static final List<Double> EDGES = List.of(0.0, 6.0, 12.0, 24.5);
    private static final ReferenceProfile REFERENCE = new ReferenceProfile("run:t",
            Map.of("tenure", new FeatureDistribution("tenure", DistributionKind.NUMERIC, EDGES, List.of(100L, 300L, 600L), Map.of()),
                    "plan", new FeatureDistribution("plan", DistributionKind.CATEGORICAL, List.of(), List.of(), Map.of("basic", 3L, "pro", 1L))),
            Map.of("accuracy", 0.9));

    @Test
    void eachFeatureKeepsBothDistributionsOnTheSameBinsAndEveryMetricWithItsThresholds() {
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        MonitoringStats window = MonitoringStats.newBuilder().setModelName("churn").setModelVersion("7").setWindowStart(start)
                .setWindowEnd(start.plusSeconds(3600)).setSampleCount(1000).setReceivedAt(start.plusSeconds(3600))
                .setFeatures(List.of(new FeatureDistribution("tenure", DistributionKind.NUMERIC, EDGES, List.of(600L, 300L, 100L), Map.of()),
                        new FeatureDistribution("plan", DistributionKind.CATEGORICAL, List.of(), List.of(), Map.of("basic", 1L, "enterprise", 1L))))
                .setQualityMetrics(Map.of("accuracy", 0.8)).build();
        List<Evaluation> evaluations = new WindowEvaluator(DriftThresholds.defaults()).evaluate(window, REFERENCE);

        DriftWindow judged = DriftWindows.of("model:churn#7", window, REFERENCE, evaluations, start.plusSeconds(3601));

        assertThat(judged.getReferenceProfileId()).isEqualTo("run:t");
        assertThat(judged.getSampleCount()).isEqualTo(1000);
        FeatureDrift tenure = feature(judged, "tenure");
        assertThat(tenure.getLabels()).containsExactly("[0, 6)", "[6, 12)", "[12, 24.5)");
        assertThat(tenure.getReference()).containsExactly(0.1, 0.3, 0.6);
        assertThat(tenure.getObserved()).containsExactly(0.6, 0.3, 0.1);
        assertThat(tenure.getMetrics()).extracting(m -> m.getMetric()).containsExactly("psi", "js", "ks");
        assertThat(tenure.getMetrics().get(0).getValue()).isGreaterThan(0.2);
        assertThat(tenure.getMetrics().get(0).getAlert()).isEqualTo(DriftThresholds.defaults().of("churn", "psi").alert());
        assertThat(feature(judged, "plan").getLabels()).containsExactly("basic", "enterprise", "pro");
        FeatureDrift quality = feature(judged, WindowEvaluator.QUALITY);
        assertThat(quality.getLabels()).isEmpty();
        assertThat(quality.getMetrics().get(0).getLowerIsWorse()).isTrue();
        assertThat(quality.getMetrics().get(0).getValue()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aVersionsWindowsSortByTimeUnderItsKeys() {
        String early = DriftWindows.key("model:churn#7", Instant.parse("2026-11-30T09:00:00Z"));
        String late = DriftWindows.key("model:churn#7", Instant.parse("2026-11-30T10:00:00Z"));
        String otherVersion = DriftWindows.key("model:churn#70", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(early).isLessThan(late).startsWith("model:churn#7\u001f");
        assertThat(late).isLessThan("model:churn#7\u0020");
        assertThat(otherVersion).doesNotStartWith("model:churn#7\u001f");
    }

    private static FeatureDrift feature(DriftWindow window, String name) {
        return window.getFeatures().stream().filter(f -> f.getFeature().equals(name)).findFirst().orElseThrow();
    }
}
