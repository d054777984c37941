package io.headwater.query.models;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.graph.GraphView;

import java.util.Map;

/** Reads a model version node into the API's view. */
public final class ModelReader {

    private ModelReader() {
    }

    public static ModelVersionView version(GraphView graph, GraphNode node, Long decisionCount) {
        Map<String, String> a = node.getAttributes();
        String id = node.getId();
        NodeId version = NodeId.parse(id);
        String trainingRun = graph.in(id, EdgeKind.PRODUCED).stream().map(GraphEdge::getSource).findFirst().orElse(a.get(ModelVersion.TRAINING_RUN));
        return new ModelVersionView(id, version.name(), version.version(), a.get(ModelVersion.URI), a.get(ModelVersion.DIGEST), a.get(ModelVersion.FRAMEWORK), trainingRun,
                node.getFirstSeen(), decisionCount);
    }
}
