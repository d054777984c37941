package io.headwater.query.lineage;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.graph.Neighbourhood;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

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
        return MarquezGraphs.of(graph, found, budget, MarquezData::of);
    }

    /** Marquez ids may carry a #version suffix; the dataset or job itself answers when the version is not a node. */
    static java.util.Optional<String> stripVersion(String nodeId) {
        return NodeId.tryParse(nodeId).filter(NodeId::isVersion).map(id -> id.unversioned().value());
    }
}
