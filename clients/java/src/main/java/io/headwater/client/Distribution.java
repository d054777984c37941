package io.headwater.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A reference distribution for drift detection: a numeric histogram or category counts. */
public final class Distribution {

    private Distribution() {
    }

    /** binEdges has one more entry than counts, increasing. */
    public static Map<String, Object> numeric(String feature, List<Double> binEdges, List<Long> counts) {
        if (binEdges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("binEdges must have one more entry than counts");
        }
        for (int i = 1; i < binEdges.size(); i++) {
            if (binEdges.get(i) <= binEdges.get(i - 1)) {
                throw new IllegalArgumentException("binEdges must increase");
            }
        }
        if (counts.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("feature", feature);
        d.put("kind", "NUMERIC");
        d.put("binEdges", binEdges);
        d.put("counts", counts);
        return d;
    }

    public static Map<String, Object> categorical(String feature, Map<String, Long> counts) {
        if (counts.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("feature", feature);
        d.put("kind", "CATEGORICAL");
        d.put("categories", new TreeMap<>(counts));
        return d;
    }
}
