package io.headwater.streams.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.Metric;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model version was trained on, as drift detection compares against: the training run's
 * reference distributions (features and '__prediction__') and its final metrics. Carried in the
 * model version node's detail JSON, so any graph consumer sees it too.
 *
 * @param trainingRun the run whose profile this is (graph id), the alert's reference profile id
 */
public record ReferenceProfile(String trainingRun, Map<String, FeatureDistribution> distributions, Map<String, Double> trainingMetrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode toJson(List<FeatureDistribution> profile, List<Metric> metrics) {
        ObjectNode detail = JSON.createObjectNode();
        ArrayNode features = detail.putArray("referenceProfile");
        for (FeatureDistribution d : profile) {
            ObjectNode f = features.addObject().put("feature", d.getFeature()).put("kind", d.getKind().name());
            d.getBinEdges().forEach(f.putArray("binEdges")::add);
            d.getCounts().forEach(f.putArray("counts")::add);
            ObjectNode categories = f.putObject("categories");
            new TreeMap<>(d.getCategories()).forEach(categories::put);
        }
        ObjectNode trainingMetrics = detail.putObject("trainingMetrics");
        finalValues(metrics).forEach(trainingMetrics::put);
        return detail;
    }

    /** The profile in a model version node's detail; empty distributions when the training run recorded none. */
    public static ReferenceProfile fromDetail(String trainingRun, String detailJson) {
        Map<String, FeatureDistribution> distributions = new LinkedHashMap<>();
        Map<String, Double> metrics = new TreeMap<>();
        if (detailJson != null) {
            try {
                JsonNode detail = JSON.readTree(detailJson);
                for (JsonNode f : detail.path("referenceProfile")) {
                    List<Double> edges = new ArrayList<>();
                    f.path("binEdges").forEach(e -> edges.add(e.asDouble()));
                    List<Long> counts = new ArrayList<>();
                    f.path("counts").forEach(c -> counts.add(c.asLong()));
                    Map<String, Long> categories = new TreeMap<>();
                    f.path("categories").fields().forEachRemaining(e -> categories.put(e.getKey(), e.getValue().asLong()));
                    distributions.put(f.path("feature").asText(), new FeatureDistribution(f.path("feature").asText(),
                            DistributionKind.valueOf(f.path("kind").asText()), edges, counts, categories));
                }
                detail.path("trainingMetrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable detail leaves the profile empty: nothing is compared, nothing is alerted falsely
            }
        }
        return new ReferenceProfile(trainingRun, distributions, metrics);
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
