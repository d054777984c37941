package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature's distribution as JSON writes it, in Headwater's referenceProfile facet and in the
 * monitoring statistics serving systems send: {@code feature}, {@code kind} (NUMERIC or CATEGORICAL),
 * {@code binEdges} and {@code counts}, or {@code categories}.
 */
public final class FeatureDistributions {

    private FeatureDistributions() {
    }

    public static FeatureDistribution fromJson(JsonNode node) {
        List<Double> edges = new ArrayList<>();
        node.path("binEdges").forEach(e -> edges.add(e.asDouble()));
        List<Long> counts = new ArrayList<>();
        node.path("counts").forEach(c -> counts.add(c.asLong()));
        Map<String, Long> categories = new LinkedHashMap<>();
        node.path("categories").fields().forEachRemaining(e -> categories.put(e.getKey(), e.getValue().asLong()));
        return FeatureDistribution.newBuilder()
                .setFeature(node.path("feature").asText(""))
                .setKind("CATEGORICAL".equalsIgnoreCase(node.path("kind").asText()) ? DistributionKind.CATEGORICAL : DistributionKind.NUMERIC)
                .setBinEdges(edges)
                .setCounts(counts)
                .setCategories(categories)
                .build();
    }
}
