package io.headwater.query.lineage;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.graph.Neighbourhood;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job- and dataset-level lineage in Marquez's shape: breadth-first from a node over the
 * dataset-INPUT_TO-job and job-OUTPUT_OF-dataset edges, depth counted in edges, bounded in nodes;
 * with {@code asOf}, over the graph as it was known then. Asked about a run, a model (version) or
 * a dataset or job version, it answers from the job or dataset that stands for it (see {@link #anchor}).
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
        GraphNode asked = graph.node(nodeId)
                .or(() -> stripVersion(nodeId).flatMap(graph::node))
                .orElseThrow(() -> new NodeNotFoundException(nodeId));
        String start = anchor(graph, asked);

        io.headwater.query.graph.Bounds.Budget budget = bounds.start();
        Neighbourhood found = Neighbourhood.of(graph, List.of(start), JOB_LEVEL, direction != Direction.DOWNSTREAM,
                direction != Direction.UPSTREAM, budget);
        return MarquezGraphs.of(graph, found, budget, MarquezData::of);
    }

    /**
     * Where job-level lineage of a node starts: a dataset or job itself; a dataset version its dataset,
     * a job version its job; a run the job it ran; a model version the job of the run that trained it,
     * a model that of its latest version. Any other node answers alone.
     */
    private static String anchor(GraphView graph, GraphNode node) {
        Map<String, String> attributes = node.getAttributes();
        return switch (node.getKind()) {
            case DATASET_VERSION -> attributes.getOrDefault(NodeAttributes.DatasetVersion.DATASET, node.getId());
            case JOB_VERSION -> stripVersion(node.getId()).orElse(node.getId());
            case RUN -> attributes.getOrDefault(NodeAttributes.Run.JOB, node.getId());
            case MODEL_VERSION -> Optional.ofNullable(attributes.get(NodeAttributes.ModelVersion.TRAINING_RUN)).flatMap(graph::node)
                    .map(run -> anchor(graph, run)).orElse(node.getId());
            case MODEL -> graph.in(node.getId(), EdgeKind.VERSION_OF).stream()
                    .map(e -> graph.node(e.getSource())).flatMap(Optional::stream)
                    .max(Comparator.comparing(GraphNode::getFirstSeen).thenComparing(GraphNode::getId))
                    .map(version -> anchor(graph, version)).orElse(node.getId());
            default -> node.getId();
        };
    }

    /** Marquez ids may carry a #version suffix; the dataset or job itself answers when the version is not a node. */
    static java.util.Optional<String> stripVersion(String nodeId) {
        return NodeId.tryParse(nodeId).filter(NodeId::isVersion).map(id -> id.unversioned().value());
    }
}
