package io.headwater.query.lineage;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.EdgeAttributes.Lineage;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.graph.Bounds;
import io.headwater.query.graph.GraphView;
import io.headwater.query.graph.Neighbourhood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Marquez's lineage response over a neighbourhood: its nodes in id order, each with the edges that stay inside it. */
final class MarquezGraphs {

    private MarquezGraphs() {
    }

    /** @param data a node's Marquez {@code data} object, from the node and all its edges found */
    static LineageGraph of(GraphView graph, Neighbourhood found, Bounds.Budget budget, BiFunction<GraphNode, List<GraphEdge>, Map<String, Object>> data) {
        Map<String, List<GraphEdge>> edgesByNode = found.edges();
        List<LineageGraph.Node> nodes = new ArrayList<>();
        for (String id : new TreeMap<>(found.distance()).keySet()) {
            GraphNode node = graph.node(id).orElse(null);
            if (node == null) {
                continue;
            }
            List<GraphEdge> edges = edgesByNode.getOrDefault(id, List.of());
            List<LineageGraph.Edge> in = new ArrayList<>();
            List<LineageGraph.Edge> out = new ArrayList<>();
            for (GraphEdge edge : edges) {
                if (found.contains(edge.getSource()) && found.contains(edge.getTarget())) {
                    (edge.getTarget().equals(id) ? in : out).add(new LineageGraph.Edge(edge.getSource(), edge.getTarget(),
                            MarquezShapes.mark(edge, Lineage.DECLARED), MarquezShapes.mark(edge, Lineage.OBSERVED)));
                }
            }
            in.sort(Comparator.comparing(LineageGraph.Edge::origin));
            out.sort(Comparator.comparing(LineageGraph.Edge::destination));
            nodes.add(new LineageGraph.Node(id, node.getKind().name(), data.apply(node, edges), in, out));
        }
        // Cut short by a node, edge or time bound, or more beyond the depth asked for: partial, with the reason.
        return found.truncated() || budget.partial() ? new LineageGraph(nodes, true, budget.partialReason(), null) : new LineageGraph(nodes, null, null, null);
    }

}
