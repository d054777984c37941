package io.headwater.ingest.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.Decision;
import io.headwater.contract.RecordTrimmer;
import io.headwater.contract.Times;
import io.headwater.contract.Topics;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.PayloadTooLargeException;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.TimeChecks;
import io.headwater.ingest.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a decision (Headwater's Decision.json) and converts it to the Avro contract, keyed by decision id. */
public final class DecisionReader {

    private static final String SCHEMA = SchemaCatalog.HEADWATER_API + "Decision.json";

    private final SchemaCatalog catalog;
    private final long maxBytes;

    /** @param maxBytes the largest decision kept (its Avro record), {@code headwater.ingest.max-decision-bytes} */
    public DecisionReader(SchemaCatalog catalog, long maxBytes) {
        this.catalog = catalog;
        this.maxBytes = maxBytes;
    }

    /** @param pointer where this decision sits in the request body ("" or "/3") */
    public Outgoing read(JsonNode json, String pointer, Instant receivedAt) {
        List<Violation> violations = new ArrayList<>(catalog.validate(SCHEMA, json, pointer));
        if (violations.isEmpty()) {
            TimeChecks.check(json, "decisionTime", pointer, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Payload.DECISION, violations);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        json.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        Decision decision = Decision.newBuilder()
                .setDecisionId(json.get("decisionId").asText())
                .setModelName(json.get("modelName").asText())
                .setModelVersion(json.get("modelVersion").asText())
                .setDecisionTime(Times.parse(json.get("decisionTime").asText()))
                .setInputsRef(json.path("inputsRef").asText(null))
                .setInputsHash(json.path("inputsHash").asText(null))
                .setOutputJson(json.get("output").toString())
                .setSubjectId(json.path("subjectId").asText(null))
                .setMetadata(metadata)
                .setReceivedAt(Times.micros(receivedAt))
                .build();
        int size = RecordTrimmer.size(decision);
        if (size > maxBytes) {
            // A decision is one prediction: one this large is a mistake, and would weigh on every store that keeps it.
            throw new PayloadTooLargeException("the decision at '" + pointer + "' is " + size + " bytes, more than the limit of " + maxBytes
                    + " (headwater.ingest.max-decision-bytes)", pointer);
        }
        return new Outgoing(Topics.DECISIONS.name(), decision.getDecisionId(), decision, decision.getDecisionId(),
                decision.getModelName() + "/" + decision.getModelVersion());
    }
}
