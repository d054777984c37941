package io.headwater.query.datasets;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.Lineage;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeAttributes.Dataset;
import io.headwater.contract.graph.NodeAttributes.DatasetVersion;
import io.headwater.contract.graph.NodeAttributes.Measures;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.query.api.DatasetView;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.lineage.MarquezShapes;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One dataset: its descriptive facets, schema, the jobs around it and its latest versions with row
 * counts and quality. A dataset asked for by another of its names (the storage path of a table) is
 * found through its aliases.
 */
@ApplicationScoped
public class DatasetService {

    /** Stands for a writing run of a namespace the reader may not see. */
    static final String REDACTED = "redacted";

    private final GraphStore store;

    public DatasetService(GraphStore store) {
        this.store = store;
    }

    /** The dataset's node id, resolving another of its names (symlinks) to the dataset that carries it. */
    public String resolve(String nodeId) {
        if (store.node(nodeId).filter(n -> n.getKind() == NodeKind.DATASET).isPresent()) {
            return nodeId;
        }
        return store.nodesWithAttributePrefix(Dataset.ALIASES, nodeId, 10).stream()
                .filter(n -> n.getKind() == NodeKind.DATASET && NodeAttributes.values(Dataset.ALIASES, n.getAttributes().get(Dataset.ALIASES)).contains(nodeId))
                .map(GraphNode::getId).findFirst()
                .orElseThrow(() -> new NodeNotFoundException(nodeId));
    }

    /** @param visible which node ids the reader may see: jobs and reading runs of other namespaces are left out */
    public DatasetView dataset(String datasetId, int versions, Instant asOf, Predicate<String> visible) {
        GraphView graph = new GraphView(store, asOf);
        GraphNode node = graph.node(datasetId).filter(n -> n.getKind() == NodeKind.DATASET).orElseThrow(() -> new NodeNotFoundException(datasetId));
        Map<String, String> attributes = node.getAttributes();
        Map<String, String> catalog = new TreeMap<>();
        for (String key : List.of(Dataset.CATALOG_NAME, Dataset.CATALOG_FRAMEWORK, Dataset.CATALOG_TYPE, Dataset.CATALOG_METADATA_URI, Dataset.CATALOG_WAREHOUSE_URI)) {
            Optional.ofNullable(attributes.get(key)).ifPresent(v -> catalog.put(key, v));
        }
        return new DatasetView(node.getId(), node.getNamespace(), node.getName(), MarquezShapes.type(node), attributes.get(Dataset.DATASET_TYPE),
                attributes.get(Dataset.DESCRIPTION), list(attributes, Dataset.TAGS), list(attributes, Dataset.OWNERS), list(attributes, Dataset.ALIASES),
                catalog.isEmpty() ? null : catalog, fields(node),
                jobs(graph.in(datasetId, EdgeKind.OUTPUT_OF), true, visible), jobs(graph.out(datasetId, EdgeKind.INPUT_TO), false, visible),
                versions(graph, datasetId, versions, visible), readers(graph, datasetId, visible), node.getFirstSeen(), node.getLastSeen());
    }

    private static List<String> list(Map<String, String> attributes, String key) {
        List<String> values = NodeAttributes.values(key, attributes.get(key));
        return values.isEmpty() ? null : values;
    }

    private static List<DatasetView.Field> fields(GraphNode node) {
        return NodeDetails.read(node.getDetailJson(), NodeDetails.Dataset.class)
                .map(d -> d.fields().stream().map(f -> new DatasetView.Field(f.name(), f.type(), f.description(), f.tags())).toList())
                .orElse(null);
    }

    private static List<DatasetView.JobLink> jobs(List<GraphEdge> edges, boolean writers, Predicate<String> visible) {
        List<DatasetView.JobLink> jobs = edges.stream()
                .filter(e -> visible.test(writers ? e.getSource() : e.getTarget()))
                .map(e -> new DatasetView.JobLink(writers ? e.getSource() : e.getTarget(), MarquezShapes.mark(e, Lineage.DECLARED), MarquezShapes.mark(e, Lineage.OBSERVED)))
                .sorted(Comparator.comparing(DatasetView.JobLink::job)).toList();
        return jobs.isEmpty() ? null : jobs;
    }

    private static List<DatasetView.Version> versions(GraphView graph, String datasetId, int limit, Predicate<String> visible) {
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphEdge edge : graph.in(datasetId, EdgeKind.VERSION_OF)) {
            graph.node(edge.getSource()).filter(n -> n.getKind() == NodeKind.DATASET_VERSION).ifPresent(nodes::add);
        }
        nodes.sort(Comparator.comparing(GraphNode::getFirstSeen).reversed().thenComparing(GraphNode::getId));
        List<DatasetView.Version> versions = new ArrayList<>();
        for (GraphNode version : nodes.subList(0, Math.min(limit, nodes.size()))) {
            Map<String, String> a = version.getAttributes();
            Object quality = version.getDetailJson() == null ? null
                    : NodeDetails.read(version.getDetailJson(), NodeDetails.DatasetVersion.class).orElse(null);
            String writer = a.get(DatasetVersion.WRITTEN_BY);
            versions.add(new DatasetView.Version(version.getId(), a.get(DatasetVersion.VERSION), version.getFirstSeen(),
                    writer == null || visible.test(writer) ? writer : REDACTED,
                    number(a, Measures.ROW_COUNT), number(a, Measures.BYTES), number(a, Measures.FILE_COUNT),
                    number(a, Measures.ASSERTIONS_PASSED), number(a, Measures.ASSERTIONS_FAILED), readers(graph, version.getId(), visible), quality));
        }
        return versions.isEmpty() ? null : versions;
    }

    /** The reads of a version (or of the dataset, before any version was known) that carry a measurement. */
    private static List<DatasetView.ReaderMeasure> readers(GraphView graph, String versionId, Predicate<String> visible) {
        List<DatasetView.ReaderMeasure> measures = new ArrayList<>();
        for (GraphEdge read : graph.out(versionId, EdgeKind.READ)) {
            if (!visible.test(read.getTarget())) {
                continue;
            }
            Map<String, String> a = read.getAttributes();
            if (a.containsKey(Measures.ROW_COUNT) || a.containsKey(Measures.BYTES) || a.containsKey(Measures.ASSERTIONS_PASSED)) {
                String failedList = a.get(Measures.FAILED_ASSERTIONS);
                List<String> failed = failedList == null ? null : List.of(failedList.split(NodeAttributes.LIST_SEPARATOR));
                measures.add(new DatasetView.ReaderMeasure(read.getTarget(), number(a, Measures.ROW_COUNT), number(a, Measures.BYTES),
                        number(a, Measures.ASSERTIONS_PASSED), number(a, Measures.ASSERTIONS_FAILED), failed));
            }
        }
        measures.sort(Comparator.comparing(DatasetView.ReaderMeasure::run));
        return measures.isEmpty() ? null : measures;
    }

    private static Long number(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        return value == null ? null : Long.valueOf(value);
    }
}
