package io.headwater.streams.drift;

import io.headwater.avro.DriftWindow;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.FeatureDrift;
import io.headwater.avro.MetricJudgement;
import io.headwater.avro.MonitoringStats;
import io.headwater.contract.TimeOrderedKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A judged window as the history keeps it: both distributions on the same bins and each metric with its thresholds. */
public final class DriftWindows {

    private DriftWindows() {
    }

    /** The key on the drift-windows topic: the model version, then the window's start, so that a version's windows sort by time. */
    public static String key(String modelVersionId, Instant windowStart) {
        return TimeOrderedKeys.key(windowStart, modelVersionId);
    }

    public static DriftWindow of(String modelVersionId, MonitoringStats window, ReferenceProfile reference, List<Evaluation> evaluations, Instant now) {
        Map<String, FeatureDrift.Builder> features = new LinkedHashMap<>();
        List<FeatureDistribution> observed = new ArrayList<>(window.getFeatures());
        if (window.getPrediction() != null) {
            observed.add(FeatureDistribution.newBuilder(window.getPrediction()).setFeature(WindowEvaluator.PREDICTION).build());
        }
        for (FeatureDistribution distribution : observed) {
            FeatureDistribution expected = reference.distributions().get(distribution.getFeature());
            Distributions.Aligned aligned = expected == null ? null : Distributions.align(expected, distribution);
            if (aligned != null) {
                features.put(distribution.getFeature(), FeatureDrift.newBuilder().setFeature(distribution.getFeature()).setLabels(aligned.labels())
                        .setReference(list(aligned.reference())).setObserved(list(aligned.window())).setMetrics(new ArrayList<>()));
            }
        }
        for (Evaluation e : evaluations) {
            FeatureDrift.Builder feature = features.computeIfAbsent(e.feature(), f -> FeatureDrift.newBuilder().setFeature(f)
                    .setLabels(List.of()).setReference(List.of()).setObserved(List.of()).setMetrics(new ArrayList<>()));
            feature.getMetrics().add(MetricJudgement.newBuilder().setMetric(e.metric()).setValue(e.value()).setWarn(e.warn()).setAlert(e.alert())
                    .setLowerIsWorse(e.lowerIsWorse()).build());
        }
        return DriftWindow.newBuilder().setModelVersionId(modelVersionId).setWindowStart(window.getWindowStart()).setWindowEnd(window.getWindowEnd())
                .setSampleCount(window.getSampleCount()).setReferenceProfileId(reference.trainingRun()).setEvaluatedAt(now)
                .setFeatures(features.values().stream().map(FeatureDrift.Builder::build).toList()).build();
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
