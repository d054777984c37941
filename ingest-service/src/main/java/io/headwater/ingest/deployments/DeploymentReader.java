package io.headwater.ingest.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.Deployment;
import io.headwater.contract.TimeOrderedKeys;
import io.headwater.contract.Times;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeId;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.TimeChecks;
import io.headwater.ingest.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a deployment (Headwater's Deployment.json, plus what a schema cannot say: it is retired after it was
 * deployed, and neither time lies in the future) and converts it to the Avro contract.
 */
public final class DeploymentReader {

    public static final String DEFAULT_ENDPOINT = "default";
    private static final String SCHEMA = SchemaCatalog.HEADWATER_API + "Deployment.json";

    private final SchemaCatalog catalog;

    public DeploymentReader(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public Outgoing read(JsonNode json, String pointer, Instant receivedAt) {
        List<Violation> violations = new ArrayList<>(catalog.validate(SCHEMA, json, pointer));
        if (violations.isEmpty()) {
            TimeChecks.check(json, "deployedAt", pointer, violations);
            if (json.has("retiredAt")) {
                TimeChecks.check(json, "retiredAt", pointer, violations);
            }
        }
        if (violations.isEmpty() && json.has("retiredAt")
                && !Times.parse(json.get("retiredAt").asText()).isAfter(Times.parse(json.get("deployedAt").asText()))) {
            violations.add(new Violation(pointer + "/retiredAt", "must be after deployedAt"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Payload.DEPLOYMENT, violations);
        }
        Deployment deployment = Deployment.newBuilder()
                .setModelName(json.get("modelName").asText())
                .setModelVersion(json.get("modelVersion").asText())
                .setEndpoint(json.path("endpoint").asText(DEFAULT_ENDPOINT))
                .setDeployedAt(Times.parse(json.get("deployedAt").asText()))
                .setRetiredAt(json.has("retiredAt") ? Times.parse(json.get("retiredAt").asText()) : null)
                .setReceivedAt(Times.micros(receivedAt))
                .build();
        String key = TimeOrderedKeys.key(deployment.getDeployedAt(), deployment.getModelName(), deployment.getEndpoint());
        String id = NodeId.modelVersion(deployment.getModelName(), deployment.getModelVersion()).value() + "@" + deployment.getEndpoint()
                + " from " + deployment.getDeployedAt();
        return new Outgoing(Topics.DEPLOYMENTS.name(), key, deployment, id, deployment.getModelName());
    }
}
