package io.headwater.query.lineage;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.graph.Neighbourhood;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Job- and dataset-level lineage in Marquez's shape: breadth-first from a node over the
 * dataset-INPUT_TO-job and job-OUTPUT_OF-dataset edges, depth counted in edges, bounded in nodes;
 * with {@code asOf}, over the graph as it was known then.
 */
@ApplicationScoped
public class LineageService {

    private static final Set<EdgeKind> JOB_LEVEL = Set.of(EdgeKind.INPUT_TO, EdgeKind.OUTPUT_OF);

    private final GraphStore store;

    public LineageService(GraphStore store) {
        this.store = store;
    }

    public LineageGraph lineage(String nodeId, Direction direction, io.headwater.query.graph.Bounds bounds, java.time.Instant asOf) {
        GraphView graph = new GraphView(store, asOf);
        String start = graph.node(nodeId).map(GraphNode::getId)
                .or(() -> stripVersion(nodeId).flatMap(graph::node).map(GraphNode::getId))
                .orElseThrow(() -> new NodeNotFoundException(nodeId));

        io.headwater.query.graph.Bounds.Budget budget = bounds.start();
        Neighbourhood found = Neighbourhood.of(graph, List.of(start), JOB_LEVEL, direction != Direction.DOWNSTREAM,
                direction != Direction.UPSTREAM, budget);
        Map<String, List<GraphEdge>> edgesByNode = found.edges();
        boolean truncated = found.truncated();

        List<LineageGraph.Node> nodes = new ArrayList<>();
        for (String id : new TreeMap<>(found.distance()).keySet()) {
            GraphNode node = graph.node(id).orElse(null);
            if (node == null) {
                continue;
            }
            List<LineageGraph.Edge> in = new ArrayList<>();
            List<LineageGraph.Edge> out = new ArrayList<>();
            for (GraphEdge edge : edgesByNode.getOrDefault(id, List.of())) {
                if (!found.contains(edge.getSource()) || !found.contains(edge.getTarget())) {
                    continue;
                }
                LineageGraph.Edge e = new LineageGraph.Edge(edge.getSource(), edge.getTarget());
                (edge.getTarget().equals(id) ? in : out).add(e);
            }
            in.sort(Comparator.comparing(LineageGraph.Edge::origin));
            out.sort(Comparator.comparing(LineageGraph.Edge::destination));
            nodes.add(new LineageGraph.Node(id, node.getKind().name(), MarquezData.of(node, edgesByNode.getOrDefault(id, List.of())), in, out));
        }
        return truncated
                ? new LineageGraph(nodes, true, budget.partialReason())
                : new LineageGraph(nodes, null, null);
    }

    /** Marquez ids may carry a #version suffix; the dataset or job itself answers when the version is not a node. */
    static java.util.Optional<String> stripVersion(String nodeId) {
        return NodeId.tryParse(nodeId).filter(NodeId::isVersion).map(id -> id.unversioned().value());
    }
}
