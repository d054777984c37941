package io.headwater.query.lineage;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeAttributes.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code data} object of a Marquez lineage node, filled from the graph node and its edges. */
final class MarquezData {

    private MarquezData() {
    }

    static Map<String, Object> of(GraphNode node, List<GraphEdge> edges) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", Map.of("namespace", node.getNamespace() == null ? "" : node.getNamespace(), "name", node.getName()));
        data.put("type", MarquezShapes.type(node));
        data.put("name", node.getName());
        data.put("namespace", node.getNamespace());
        data.put("createdAt", node.getFirstSeen().toString());
        data.put("updatedAt", node.getLastSeen().toString());
        if (node.getKind() == NodeKind.JOB) {
            data.put("inputs", refs(edges, EdgeKind.INPUT_TO, true));
            data.put("outputs", refs(edges, EdgeKind.OUTPUT_OF, false));
        }
        // Marquez's description and tags; tags are the keys, as Marquez shows them, the values stay in facets.
        String description = node.getAttributes().get(Dataset.DESCRIPTION);
        if (description != null) {
            data.put("description", description);
        }
        data.put("tags", NodeAttributes.values(Dataset.TAGS, node.getAttributes().get(Dataset.TAGS)).stream()
                .map(tag -> tag.contains("=") ? tag.substring(0, tag.indexOf('=')) : tag).distinct().toList());
        data.put("facets", node.getAttributes());
        return data;
    }

    private static List<Map<String, String>> refs(List<GraphEdge> edges, EdgeKind kind, boolean source) {
        return edges.stream().filter(e -> e.getKind() == kind)
                .map(e -> source ? e.getSource() : e.getTarget())
                .sorted()
                .map(id -> Map.of("nodeId", id))
                .toList();
    }
}
