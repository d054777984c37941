package io.headwater.query.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.headwater.avro.Decision;
import io.headwater.avro.LinkedDecision;
import io.headwater.query.api.DecisionView;

import java.io.IOException;
import java.util.TreeMap;

/** Turns the Avro contract's linked decision into the API's view. */
final class DecisionViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionViews() {
    }

    static DecisionView of(LinkedDecision linked) {
        Decision d = linked.getDecision();
        return new DecisionView(d.getDecisionId(), d.getModelName(), d.getModelVersion(), linked.getModelVersionId(),
                linked.getModelVersionKnown(), linked.getTrainingRunId(), d.getDecisionTime(), d.getReceivedAt(), d.getInputsRef(),
                d.getInputsHash(), d.getSubjectId(), output(d.getOutputJson()), new TreeMap<>(d.getMetadata()), d.getSentBy(),
                reproduce(linked.getTrainingRunId()));
    }

    /** The path of the training run's reproduction recipe; null until the run is known. */
    private static String reproduce(String trainingRunId) {
        return io.headwater.contract.graph.NodeId.tryParse(trainingRunId).filter(id -> id.kind() == io.headwater.avro.NodeKind.RUN)
                .map(id -> "/api/v1/runs/" + java.net.URLEncoder.encode(id.name(), java.nio.charset.StandardCharsets.UTF_8) + "/reproduce").orElse(null);
    }

    /** The output as JSON; kept as a string if it is not (it was validated at ingest, so this is a safeguard). */
    private static JsonNode output(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return TextNode.valueOf(json);
        }
    }
}
