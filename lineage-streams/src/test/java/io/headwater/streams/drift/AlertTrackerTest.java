package io.headwater.streams.drift;

import io.headwater.avro.AlertSeverity;
import io.headwater.avro.AlertState;
import io.headwater.avro.DistributionKind;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.DriftAlertState;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.MonitoringStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert lifecycle over many windows, through the evaluator with the default thresholds. */
class AlertTrackerTest {

    private static final List<Double> EDGES = List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
    private static final ReferenceProfile REFERENCE = new ReferenceProfile("run:t",
            Map.of("tenure", new FeatureDistribution("tenure", DistributionKind.NUMERIC, EDGES, List.of(1000L, 2000L, 4000L, 2000L, 1000L), Map.of())),
            Map.of("accuracy", 0.9));
    private final WindowEvaluator evaluator = new WindowEvaluator(DriftThresholds.defaults());

    @Test
    void samplesFromTheTrainingDistributionRaiseNothingOverManyWindows() {
        Random random = new Random(7);
        List<DriftAlert> alerts = run(random, 200, i -> new double[]{0.1, 0.2, 0.4, 0.2, 0.1}, i -> 0.9);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aShiftRaisesOneAlertPerMetricAndRecoveryResolvesIt() {
        Random random = new Random(11);
        // 10 windows as trained, 20 shifted to the right, then 10 as trained again.
        List<DriftAlert> alerts = run(random, 40, i -> i >= 10 && i < 30 ? new double[]{0.02, 0.08, 0.2, 0.35, 0.35} : new double[]{0.1, 0.2, 0.4, 0.2, 0.1},
                i -> 0.9);
        List<DriftAlert> psi = alerts.stream().filter(a -> a.getMetric().equals("psi")).toList();
        assertThat(psi).hasSize(2);
        assertThat(psi.get(0).getState()).isEqualTo(AlertState.OPEN);
        assertThat(psi.get(0).getSeverity()).isEqualTo(AlertSeverity.ALERT);
        assertThat(psi.get(0).getValue()).isGreaterThan(0.2);
        assertThat(psi.get(0).getThreshold()).isEqualTo(0.2);
        assertThat(psi.get(0).getReferenceProfileId()).isEqualTo("run:t");
        assertThat(psi.get(0).getWindowStart()).isEqualTo(window(10));
        assertThat(psi.get(1).getState()).isEqualTo(AlertState.RESOLVED);
        assertThat(psi.get(1).getAlertId()).isEqualTo(psi.get(0).getAlertId());
        // Resolved after the third window back within.
        assertThat(psi.get(1).getWindowStart()).isEqualTo(window(32));
        assertThat(alerts.stream().filter(a -> a.getState() == AlertState.OPEN).map(DriftAlert::getMetric).toList())
                .containsExactlyInAnyOrder("psi", "js", "ks");
    }

    @Test
    void aQualityDropAgainstTheTrainingMetricAlerts() {
        Random random = new Random(3);
        List<DriftAlert> alerts = run(random, 12, i -> new double[]{0.1, 0.2, 0.4, 0.2, 0.1}, i -> i < 6 ? 0.9 : 0.8);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.getFeature()).isEqualTo(WindowEvaluator.QUALITY);
            assertThat(a.getMetric()).isEqualTo("accuracy");
            assertThat(a.getValue()).isEqualTo(0.8);
            assertThat(a.getThreshold()).isEqualTo(0.85, org.assertj.core.api.Assertions.within(1e-12));
        });
    }

    @Test
    void repeatedAndOlderWindowsAreIgnored() {
        Evaluation beyond = new Evaluation("f", "psi", 0.5, 0.1, 0.2, false);
        MonitoringStats w = stats(5, new long[]{1}, 0.9);
        AlertTracker.Step opened = AlertTracker.step(null, beyond, w, "run:t", 3, Instant.EPOCH);
        assertThat(opened.announce()).isNotNull();
        assertThat(AlertTracker.step(opened.state(), beyond, w, "run:t", 3, Instant.EPOCH).announce()).isNull();
        Evaluation within = new Evaluation("f", "psi", 0.0, 0.1, 0.2, false);
        DriftAlertState afterOld = AlertTracker.step(opened.state(), within, stats(4, new long[]{1}, 0.9), "run:t", 1, Instant.EPOCH).state();
        assertThat(afterOld.getOpen()).isNotNull();
    }

    private List<DriftAlert> run(Random random, int windows, java.util.function.IntFunction<double[]> shape, java.util.function.IntToDoubleFunction accuracy) {
        List<DriftAlert> announced = new ArrayList<>();
        Map<String, DriftAlertState> states = new java.util.HashMap<>();
        for (int i = 0; i < windows; i++) {
            MonitoringStats window = stats(i, sample(random, shape.apply(i), 2000), accuracy.applyAsDouble(i));
            for (Evaluation e : evaluator.evaluate(window, REFERENCE)) {
                String key = e.feature() + "/" + e.metric();
                AlertTracker.Step step = AlertTracker.step(states.get(key), e, window, "run:t", 3, Instant.EPOCH);
                states.put(key, step.state());
                if (step.announce() != null) {
                    announced.add(step.announce());
                }
            }
        }
        return announced;
    }

    private static long[] sample(Random random, double[] probabilities, int n) {
        long[] counts = new long[probabilities.length];
        for (int s = 0; s < n; s++) {
            double u = random.nextDouble();
            int bin = 0;
            while (bin < probabilities.length - 1 && u >= probabilities[bin]) {
                u -= probabilities[bin];
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    private static Instant window(int i) {
        return Instant.parse("2026-11-26T00:00:00Z").plusSeconds(3600L * i);
    }

    private static MonitoringStats stats(int i, long[] counts, double accuracy) {
        List<Long> c = java.util.Arrays.stream(counts).boxed().toList();
        List<Double> edges = counts.length == 1 ? List.of(0.0, 1.0) : EDGES;
        return MonitoringStats.newBuilder().setModelName("churn").setModelVersion("7").setWindowStart(window(i)).setWindowEnd(window(i + 1))
                .setSampleCount(2000).setFeatures(List.of(new FeatureDistribution("tenure", DistributionKind.NUMERIC, edges, c, Map.of())))
                .setQualityMetrics(Map.of("accuracy", accuracy)).setReceivedAt(window(i + 1)).build();
    }
}
