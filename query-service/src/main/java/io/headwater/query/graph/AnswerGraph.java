package io.headwater.query.graph;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.query.api.GraphAnswer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the nodes and edges a traversal touched into a {@link GraphAnswer}, each once, sorted. */
public final class AnswerGraph {

    private final Map<String, GraphAnswer.Node> nodes = new TreeMap<>();
    private final Map<String, GraphAnswer.Edge> edges = new LinkedHashMap<>();

    public void node(GraphNode node) {
        nodes.putIfAbsent(node.getId(), new GraphAnswer.Node(node.getId(), node.getKind().name(), node.getName(), new TreeMap<>(node.getAttributes()), null));
    }

    public void edge(GraphEdge edge) {
        edges.putIfAbsent(edge.getId(), new GraphAnswer.Edge(edge.getSource(), edge.getTarget(), edge.getKind().name(), edge.getValidFrom(), edge.getValidTo()));
    }

    public boolean hasNode(String id) {
        return nodes.containsKey(id);
    }

    public GraphAnswer build() {
        List<GraphAnswer.Edge> sorted = new ArrayList<>(edges.values());
        sorted.sort(Comparator.comparing(GraphAnswer.Edge::origin).thenComparing(GraphAnswer.Edge::kind).thenComparing(GraphAnswer.Edge::destination));
        return new GraphAnswer(new ArrayList<>(nodes.values()), sorted);
    }
}
