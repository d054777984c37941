package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.ingest.decisions.DecisionConflicts;
import io.headwater.ingest.decisions.DecisionReader;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.monitoring.MonitoringReader;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.JsonBodyReader;
import io.headwater.ingest.validation.MalformedBodyException;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.SecretRedactor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Decisions, monitoring statistics and deployments from serving systems, one object or an array per request.
 * A request is validated whole first: if any item is invalid, nothing is stored and the 422 names
 * every bad field by pointer ("/3/decisionTime"). Otherwise all items are sent and the answer waits
 * for every acknowledgement. Decisions are keyed by id, so resending after a 503 is safe.
 */
@ApplicationScoped
public class ServingIngestService {

    public static final String DECISION = "decision";
    public static final String MONITORING = "monitoring";
    public static final String DEPLOYMENT = "deployment";

    private final JsonBodyReader reader;
    private final DecisionReader decisions;
    private final MonitoringReader monitoring;
    private final io.headwater.ingest.deployments.DeploymentReader deployments;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;

    private final DecisionConflicts conflicts;

    public ServingIngestService(ObjectMapper mapper, SchemaCatalog catalog, EventPublisher publisher, IngestMetrics metrics,
                                @ConfigProperty(name = "headwater.ingest.max-decision-bytes") long maxDecisionBytes, DecisionConflicts conflicts) {
        this.conflicts = conflicts;
        this.reader = new JsonBodyReader(mapper);
        this.decisions = new DecisionReader(catalog, maxDecisionBytes);
        this.monitoring = new MonitoringReader(catalog);
        this.deployments = new io.headwater.ingest.deployments.DeploymentReader(catalog);
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Converts one item (from HTTP or a Kafka topic), credentials taken out, its sender recorded. */
    public Outgoing prepare(String kind, JsonNode json, String pointer, Instant received, Sender sender) {
        SecretRedactor.Redactions redactions = SecretRedactor.redact(json);
        if (redactions.any()) {
            metrics.redacted(kind, pointer.isEmpty() ? "single" : "array", redactions.pointers().size());
        }
        if (DECISION.equals(kind)) {
            Outgoing outgoing = decisions.read(json, pointer, received);
            ((io.headwater.avro.Decision) outgoing.value()).setSentBy(sender.principal());
            return outgoing;
        }
        if (DEPLOYMENT.equals(kind)) {
            Outgoing outgoing = deployments.read(json, pointer, received);
            ((io.headwater.avro.Deployment) outgoing.value()).setSentBy(sender.principal());
            return outgoing;
        }
        Outgoing outgoing = monitoring.read(json, pointer, received);
        ((io.headwater.avro.MonitoringStats) outgoing.value()).setSentBy(sender.principal());
        return outgoing;
    }

    /** Stores one object or an array of {@code kind} (DECISION, MONITORING, DEPLOYMENT): all or nothing; their ids. */
    public List<String> accept(byte[] body, String kind, int maxItems, Sender sender) {
        Instant received = Instant.now();
        JsonNode json = reader.parse(reader.text(body));
        List<JsonNode> items = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(items::add);
        } else {
            items.add(json);
        }
        if (items.isEmpty() || items.size() > maxItems) {
            throw new MalformedBodyException("", "send one object or an array of 1 to " + maxItems + " items; this has " + items.size());
        }
        List<Outgoing> outgoing = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        InvalidEventException.Payload payload = InvalidEventException.Payload.DECISION;
        for (int i = 0; i < items.size(); i++) {
            try {
                outgoing.add(prepare(kind, items.get(i), json.isArray() ? "/" + i : "", received, sender));
            } catch (InvalidEventException e) {
                violations.addAll(e.violations());
                payload = e.payload();
            }
        }
        if (!violations.isEmpty()) {
            metrics.rejected(kind, "http", "unknown", "invalid");
            throw new InvalidEventException(payload, violations);
        }
        if (DECISION.equals(kind)) {
            try {
                conflicts.check(outgoing.stream().map(o -> (io.headwater.avro.Decision) o.value()).toList());
            } catch (io.headwater.ingest.decisions.DecisionConflictException e) {
                metrics.rejected(kind, "http", "unknown", "conflict");
                throw e;
            }
        }
        List<CompletableFuture<RecordMetadata>> acks = outgoing.stream()
                .map(o -> publisher.send(o.topic(), o.key(), o.value(), sender.trace())).toList();
        publisher.awaitAll(acks);
        List<RuntimeException> failures = acks.stream().map(publisher::failure).flatMap(java.util.Optional::stream).toList();
        if (!failures.isEmpty()) {
            metrics.unavailable(kind, "http", failures.size());
            // An outage first (503: retry the whole request), else the first record that cannot be stored (4xx).
            throw failures.stream().filter(f -> f instanceof io.headwater.ingest.kafka.KafkaUnavailableException).findFirst().orElse(failures.get(0));
        }
        metrics.accepted(kind, "http", outgoing.get(0).producer(), outgoing.size());
        metrics.latency(kind, "http", Duration.between(received, Instant.now()));
        return outgoing.stream().map(Outgoing::eventId).toList();
    }
}
