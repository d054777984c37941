package io.headwater.streams.graph;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeAttributes.Run;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds what several events said about one node or edge into one record. Commutative and
 * associative, so the result does not depend on the order events arrive in: times take their
 * minimum or maximum, and where two events disagree on an attribute the later event wins (ties
 * broken by value, never by arrival).
 */
public final class GraphMerge {

    /** On a run node: how many distinct events its projection was folded from. A run's history only grows. */

    private GraphMerge() {
    }

    public static GraphNode merge(GraphNode a, GraphNode b) {
        if (a.getAttributes().containsKey(Run.EVENTS) && b.getAttributes().containsKey(Run.EVENTS)) {
            // A run is projected whole from its history each time: the projection of the larger history is the truth.
            int countA = Integer.parseInt(a.getAttributes().get(Run.EVENTS));
            int countB = Integer.parseInt(b.getAttributes().get(Run.EVENTS));
            if (countA != countB) {
                return countA > countB ? a : b;
            }
        }
        GraphNode later = isLater(b.getLastSeen(), a.getLastSeen()) ? b : a;
        GraphNode earlier = later == a ? b : a;
        return GraphNode.newBuilder(later)
                .setFirstSeen(min(a.getFirstSeen(), b.getFirstSeen()))
                .setLastSeen(max(a.getLastSeen(), b.getLastSeen()))
                .setNamespace(later.getNamespace() != null ? later.getNamespace() : earlier.getNamespace())
                .setAttributes(mergeAttributes(earlier, later))
                .setDetailJson(later.getDetailJson() != null ? later.getDetailJson() : earlier.getDetailJson())
                .build();
    }

    public static GraphEdge merge(GraphEdge a, GraphEdge b) {
        Map<String, String> attributes = new TreeMap<>(a.getAttributes());
        b.getAttributes().forEach((k, v) -> attributes.merge(k, v, (x, y) -> x.compareTo(y) >= 0 ? x : y));
        return GraphEdge.newBuilder(a)
                .setValidFrom(min(a.getValidFrom(), b.getValidFrom()))
                .setAttributes(attributes)
                .build();
    }

    private static Map<String, String> mergeAttributes(GraphNode earlier, GraphNode later) {
        Map<String, String> attributes = new TreeMap<>(earlier.getAttributes());
        if (earlier.getLastSeen().equals(later.getLastSeen())) {
            later.getAttributes().forEach((k, v) -> attributes.merge(k, v, (x, y) -> x.compareTo(y) >= 0 ? x : y));
        } else {
            attributes.putAll(later.getAttributes());
        }
        return attributes;
    }

    /** b is later than a; equal times are broken by nothing here (the caller's tie rule applies). */
    private static boolean isLater(Instant b, Instant a) {
        return b.isAfter(a);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
