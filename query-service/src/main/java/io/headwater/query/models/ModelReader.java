package io.headwater.query.models;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.query.graph.GraphView;
import io.headwater.query.model.ModelVersionView;

import java.util.Map;

/** Reads a model version node into the API's view. */
public final class ModelReader {

    private ModelReader() {
    }

    public static ModelVersionView version(GraphView graph, GraphNode node, Long decisionCount) {
        Map<String, String> a = node.getAttributes();
        String id = node.getId();
        int hash = id.lastIndexOf('#');
        String name = id.substring("model:".length(), hash);
        String trainingRun = graph.in(id, EdgeKind.PRODUCED).stream().map(GraphEdge::getSource).findFirst().orElse(a.get("trainingRun"));
        return new ModelVersionView(id, name, id.substring(hash + 1), a.get("uri"), a.get("digest"), a.get("framework"), trainingRun,
                node.getFirstSeen(), decisionCount);
    }
}
