package io.headwater.streams.drift;

import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.Metric;
import io.headwater.contract.graph.NodeDetails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a model version was trained on, as drift detection compares against: the training run's
 * reference distributions (features and '__prediction__') and its final metrics. Carried in the
 * model version node's detail JSON, so any graph consumer sees it too.
 *
 * @param trainingRun the run whose profile this is (graph id), the alert's reference profile id
 */
public record ReferenceProfile(String trainingRun, Map<String, FeatureDistribution> distributions, Map<String, Double> trainingMetrics) {

    /** The detail a model version node carries: the training run's distributions and final metrics. */
    public static NodeDetails.ModelVersion toDetail(List<FeatureDistribution> profile, List<Metric> metrics) {
        List<NodeDetails.Feature> features = profile.stream()
                .map(d -> new NodeDetails.Feature(d.getFeature(), d.getKind().name(), d.getBinEdges(), d.getCounts(), new TreeMap<>(d.getCategories())))
                .toList();
        return new NodeDetails.ModelVersion(features, finalValues(metrics));
    }

    /** The profile in a model version node's detail; empty distributions when the training run recorded none. */
    public static ReferenceProfile fromDetail(String trainingRun, String detailJson) {
        Map<String, FeatureDistribution> distributions = new LinkedHashMap<>();
        Map<String, Double> metrics = new TreeMap<>();
        // an unreadable detail leaves the profile empty: nothing is compared, nothing is alerted falsely
        NodeDetails.read(detailJson, NodeDetails.ModelVersion.class).ifPresent(detail -> {
            for (NodeDetails.Feature f : detail.referenceProfile()) {
                kind(f.kind()).ifPresent(kind -> distributions.put(f.feature(),
                        new FeatureDistribution(f.feature(), kind, f.binEdges(), f.counts(), new TreeMap<>(f.categories()))));
            }
            metrics.putAll(detail.trainingMetrics());
        });
        return new ReferenceProfile(trainingRun, distributions, metrics);
    }

    private static Optional<DistributionKind> kind(String name) {
        try {
            return Optional.of(DistributionKind.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The last value of each metric (highest step, else the last logged). */
    static Map<String, Double> finalValues(List<Metric> metrics) {
        Map<String, Metric> last = new TreeMap<>();
        for (Metric m : metrics) {
            Metric known = last.get(m.getName());
            if (known == null || m.getStep() == null || known.getStep() == null || m.getStep() >= known.getStep()) {
                last.put(m.getName(), m);
            }
        }
        Map<String, Double> values = new TreeMap<>();
        last.forEach((name, m) -> values.put(name, m.getValue()));
        return values;
    }
}
