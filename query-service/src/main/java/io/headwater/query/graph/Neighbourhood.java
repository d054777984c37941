package io.headwater.query.graph;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes within the budget's depth of a start, breadth first over edges of the given kinds,
 * upstream, downstream or both, within the budget's nodes, edges, time and client; with every node's edges of those kinds
 * (to draw in- and out-edges among the nodes found). Marquez's lineage shape, for datasets and jobs
 * as for columns.
 */
public record Neighbourhood(Map<String, Integer> distance, Map<String, List<GraphEdge>> edges, boolean truncated) {

    public static Neighbourhood of(GraphView graph, Collection<String> start, Set<EdgeKind> kinds, boolean upstream,
                                   boolean downstream, Bounds.Budget budget) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        Map<String, List<GraphEdge>> edges = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : start) {
            if (budget.take()) {
                distance.put(s, 0);
                queue.add(s);
            }
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            String current = queue.poll();
            int d = distance.get(current);
            List<GraphEdge> in = graph.in(current, kinds);
            List<GraphEdge> out = graph.out(current, kinds);
            if (!budget.takeEdges(in.size() + out.size())) {
                truncated = true;
                break;
            }
            List<GraphEdge> all = new ArrayList<>(in);
            all.addAll(out);
            edges.put(current, all);
            List<String> next = new ArrayList<>();
            if (upstream) {
                in.forEach(e -> next.add(e.getSource()));
            }
            if (downstream) {
                out.forEach(e -> next.add(e.getTarget()));
            }
            if (!budget.mayExpand(d)) {
                // More lies beyond the depth asked for: the answer says it is partial, and why.
                if (next.stream().anyMatch(n -> !distance.containsKey(n))) {
                    budget.cutAtDepth();
                }
                continue;
            }
            for (String neighbour : next) {
                if (distance.containsKey(neighbour)) {
                    continue;
                }
                if (!budget.take()) {
                    truncated = true;
                    break;
                }
                distance.put(neighbour, d + 1);
                queue.add(neighbour);
            }
            if (truncated) {
                break;
            }
        }
        return new Neighbourhood(distance, edges, truncated);
    }

    public boolean contains(String id) {
        return distance.containsKey(id);
    }
}
