package io.headwater.streams.drift;

import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Brings a reference distribution and a window's onto the same bins, as proportions. */
public final class Distributions {

    private Distributions() {
    }

    /** The two as proportions over the same bins (the reference's) or categories (the union of both), with their labels. */
    public record Aligned(double[] reference, double[] window, List<String> labels) {
    }

    /** Null when they cannot be compared (different kinds, empty counts). */
    public static Aligned align(FeatureDistribution reference, FeatureDistribution window) {
        if (reference.getKind() != window.getKind()) {
            return null;
        }
        return reference.getKind() == DistributionKind.CATEGORICAL
                ? categorical(reference.getCategories(), window.getCategories())
                : numeric(reference.getBinEdges(), reference.getCounts(), window.getBinEdges(), window.getCounts());
    }

    private static Aligned categorical(Map<String, Long> reference, Map<String, Long> window) {
        TreeSet<String> categories = new TreeSet<>(reference.keySet());
        categories.addAll(window.keySet());
        double[] p = new double[categories.size()];
        double[] q = new double[categories.size()];
        int i = 0;
        for (String category : categories) {
            p[i] = reference.getOrDefault(category, 0L);
            q[i] = window.getOrDefault(category, 0L);
            i++;
        }
        return normalised(p, q, List.copyOf(categories));
    }

    private static Aligned numeric(List<Double> referenceEdges, List<Long> referenceCounts, List<Double> windowEdges, List<Long> windowCounts) {
        int bins = referenceCounts.size();
        if (bins == 0 || referenceEdges.size() != bins + 1 || windowCounts.isEmpty() || windowEdges.size() != windowCounts.size() + 1) {
            return null;
        }
        double[] p = new double[bins];
        for (int i = 0; i < bins; i++) {
            p[i] = referenceCounts.get(i);
        }
        double[] q = referenceEdges.equals(windowEdges) ? toArray(windowCounts) : rebin(referenceEdges, windowEdges, windowCounts);
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add("[" + edge(referenceEdges.get(i)) + ", " + edge(referenceEdges.get(i + 1)) + ")");
        }
        return normalised(p, q, labels);
    }

    /**
     * A window histogram with other edges spread onto the reference bins, assuming counts are
     * uniform within each window bin; mass outside the reference range goes to the end bins.
     */
    static double[] rebin(List<Double> edges, List<Double> windowEdges, List<Long> windowCounts) {
        int bins = edges.size() - 1;
        double[] q = new double[bins];
        double low = edges.get(0);
        double high = edges.get(bins);
        for (int j = 0; j < windowCounts.size(); j++) {
            double from = windowEdges.get(j);
            double to = windowEdges.get(j + 1);
            double count = windowCounts.get(j);
            if (count == 0) {
                continue;
            }
            double width = to - from;
            if (width <= 0) {
                q[bin(edges, from)] += count;
                continue;
            }
            if (from < low) {
                double below = Math.min(to, low) - from;
                q[0] += count * below / width;
            }
            if (to > high) {
                double above = to - Math.max(from, high);
                q[bins - 1] += count * above / width;
            }
            for (int i = 0; i < bins; i++) {
                double overlap = Math.min(to, edges.get(i + 1)) - Math.max(from, edges.get(i));
                if (overlap > 0) {
                    q[i] += count * overlap / width;
                }
            }
        }
        return q;
    }

    private static int bin(List<Double> edges, double value) {
        for (int i = edges.size() - 2; i >= 0; i--) {
            if (value >= edges.get(i)) {
                return i;
            }
        }
        return 0;
    }

    private static String edge(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Aligned normalised(double[] p, double[] q, List<String> labels) {
        double sp = sum(p);
        double sq = sum(q);
        if (sp <= 0 || sq <= 0) {
            return null;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sp;
            q[i] /= sq;
        }
        return new Aligned(p, q, labels);
    }

    private static double[] toArray(List<Long> counts) {
        double[] values = new double[counts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts.get(i);
        }
        return values;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
