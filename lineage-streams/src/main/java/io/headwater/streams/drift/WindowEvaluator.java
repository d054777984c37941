package io.headwater.streams.drift;

import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.MonitoringStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares one monitoring window with the model version's reference profile, metric by metric. */
public final class WindowEvaluator {

    public static final String PREDICTION = "__prediction__";
    public static final String QUALITY = "__quality__";

    private final DriftThresholds thresholds;

    public WindowEvaluator(DriftThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<Evaluation> evaluate(MonitoringStats window, ReferenceProfile reference) {
        List<Evaluation> evaluations = new ArrayList<>();
        String model = window.getModelName();
        List<FeatureDistribution> observed = new ArrayList<>(window.getFeatures());
        if (window.getPrediction() != null) {
            FeatureDistribution prediction = FeatureDistribution.newBuilder(window.getPrediction()).setFeature(PREDICTION).build();
            observed.add(prediction);
        }
        for (FeatureDistribution distribution : observed) {
            FeatureDistribution expected = reference.distributions().get(distribution.getFeature());
            if (expected == null) {
                continue;
            }
            Distributions.Aligned aligned = Distributions.align(expected, distribution);
            if (aligned == null) {
                continue;
            }
            String feature = distribution.getFeature();
            evaluations.add(distance(model, feature, "psi", DriftMetrics.psi(aligned.reference(), aligned.window())));
            evaluations.add(distance(model, feature, "js", DriftMetrics.jensenShannonDistance(aligned.reference(), aligned.window())));
            if (expected.getKind() == DistributionKind.NUMERIC) {
                evaluations.add(distance(model, feature, "ks", DriftMetrics.kolmogorovSmirnov(aligned.reference(), aligned.window())));
            }
        }
        for (Map.Entry<String, Double> quality : window.getQualityMetrics().entrySet()) {
            Double trained = reference.trainingMetrics().get(quality.getKey());
            if (trained != null) {
                DriftThresholds.Pair drop = thresholds.qualityDrop(model);
                evaluations.add(new Evaluation(QUALITY, quality.getKey(), quality.getValue(), trained - drop.warn(), trained - drop.alert(), true));
            }
        }
        return evaluations;
    }

    private Evaluation distance(String model, String feature, String metric, double value) {
        DriftThresholds.Pair pair = thresholds.of(model, metric);
        return new Evaluation(feature, metric, value, pair.warn(), pair.alert(), false);
    }
}
