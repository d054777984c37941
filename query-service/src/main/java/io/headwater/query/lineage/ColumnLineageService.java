package io.headwater.query.lineage;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.DerivedFrom;
import io.headwater.contract.graph.NodeAttributes.DatasetField;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.graph.Neighbourhood;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column-level lineage in Marquez's shape: from a dataset (all its fields) or one field
 * ({@code datasetField:<ns>:<name>:<field>}), upstream over DERIVED_FROM edges, and downstream too
 * when asked, depth counted in edges, bounded in nodes.
 */
@ApplicationScoped
public class ColumnLineageService {

    private final GraphStore store;

    public ColumnLineageService(GraphStore store) {
        this.store = store;
    }

    public LineageGraph columnLineage(String nodeId, boolean withDownstream, io.headwater.query.graph.Bounds bounds, Instant asOf) {
        GraphView graph = new GraphView(store, asOf);
        List<String> start = startFields(graph, nodeId);
        io.headwater.query.graph.Bounds.Budget budget = bounds.start();
        Neighbourhood found = Neighbourhood.of(graph, start, java.util.Set.of(EdgeKind.DERIVED_FROM), true, withDownstream, budget);
        Map<String, Map<String, String>> fieldTypes = new HashMap<>();
        return MarquezGraphs.of(graph, found, budget, (node, edges) -> {
            List<Map<String, Object>> inputFields = new ArrayList<>();
            for (GraphEdge edge : edges) {
                if (edge.getTarget().equals(node.getId())) {
                    inputFields.add(inputField(graph, edge));
                }
            }
            return data(graph, node, inputFields, fieldTypes);
        });
    }

    private static List<String> startFields(GraphView graph, String nodeId) {
        GraphNode node = graph.node(nodeId).or(() -> LineageService.stripVersion(nodeId).flatMap(graph::node))
                .orElseThrow(() -> new NodeNotFoundException(nodeId));
        if (node.getKind() == NodeKind.DATASET_FIELD) {
            return List.of(node.getId());
        }
        if (node.getKind() != NodeKind.DATASET) {
            throw new io.headwater.query.errors.InvalidParameterException("nodeId", "must name a dataset or a datasetField, not a " + node.getKind());
        }
        String prefix = NodeId.fieldIdPrefix(node.getNamespace(), node.getName());
        return fieldsOf(graph, node.getId(), prefix);
    }

    private static List<String> fieldsOf(GraphView graph, String datasetId, String prefix) {
        return graph.nodesWithIdPrefix(prefix).stream()
                .filter(f -> datasetId.equals(f.getAttributes().get(DatasetField.DATASET)))
                .map(GraphNode::getId).sorted().toList();
    }

    private static Map<String, Object> inputField(GraphView graph, GraphEdge edge) {
        Map<String, Object> input = new LinkedHashMap<>();
        graph.node(edge.getSource()).ifPresent(source -> {
            input.put("namespace", source.getNamespace());
            input.put("dataset", datasetName(source));
            input.put("field", source.getAttributes().get(DatasetField.FIELD));
        });
        String transformations = edge.getAttributes().get(DerivedFrom.TRANSFORMATIONS);
        input.put("transformationType", transformations);
        return input;
    }

    private static Map<String, Object> data(GraphView graph, GraphNode field, List<Map<String, Object>> inputFields,
                                            Map<String, Map<String, String>> fieldTypes) {
        String datasetId = field.getAttributes().get(DatasetField.DATASET);
        String name = field.getAttributes().get(DatasetField.FIELD);
        Map<String, String> types = fieldTypes.computeIfAbsent(datasetId, id -> types(graph, id));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("namespace", field.getNamespace());
        data.put("dataset", datasetName(field));
        data.put("field", name);
        data.put("fieldType", types.get(name));
        inputFields.sort(Comparator.comparing(m -> String.valueOf(m.get("dataset")) + ":" + m.get("field")));
        data.put("inputFields", inputFields);
        return data;
    }

    /** The dataset's name, from the field's id. */
    private static String datasetName(GraphNode field) {
        return NodeId.tryParse(field.getId()).map(NodeId::name).orElse(field.getName());
    }

    private static Map<String, String> types(GraphView graph, String datasetId) {
        Map<String, String> types = new HashMap<>();
        // a detail we cannot read only loses the types
        graph.node(datasetId).flatMap(node -> NodeDetails.read(node.getDetailJson(), NodeDetails.Dataset.class))
                .ifPresent(detail -> detail.fields().stream().filter(f -> f.type() != null).forEach(f -> types.put(f.name(), f.type())));
        return types;
    }
}
