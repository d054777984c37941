package io.headwater.streams.graph;

import io.headwater.avro.Decision;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LinkedDecision;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeId;

/** A decision with its model version, as far as the graph knows it. */
public final class DecisionLinks {

    private DecisionLinks() {
    }

    /** @param modelVersion the model version node, or null while it is unknown */
    public static LinkedDecision link(Decision decision, GraphNode modelVersion) {
        return LinkedDecision.newBuilder()
                .setDecision(decision)
                .setModelVersionId(NodeId.modelVersion(decision.getModelName(), decision.getModelVersion()).value())
                .setModelVersionKnown(modelVersion != null)
                .setTrainingRunId(modelVersion == null ? null : modelVersion.getAttributes().get(ModelVersion.TRAINING_RUN))
                .build();
    }
}
