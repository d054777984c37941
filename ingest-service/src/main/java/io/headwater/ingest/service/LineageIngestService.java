package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.LineageEvent;
import io.headwater.contract.RecordSizes;
import io.headwater.contract.RecordTrimmer;
import io.headwater.contract.Topics;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.openlineage.OpenLineageValidator;
import io.headwater.ingest.openlineage.SpecSchemaValidator;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.JsonBodyReader;
import io.headwater.ingest.validation.NamespaceNotAllowedException;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.TimeChecks;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.EventKind;
import io.headwater.openlineage.LineageEventNormalizer;
import io.headwater.openlineage.SecretRedactor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads, validates, normalises and publishes OpenLineage events, from any transport. */
@ApplicationScoped
public class LineageIngestService {

    public static final String KIND = "lineage";

    private final JsonBodyReader reader;
    private final OpenLineageValidator validator = new OpenLineageValidator();
    private final SpecSchemaValidator specValidator;
    private final LineageEventNormalizer normalizer = new LineageEventNormalizer();
    private final EventPublisher publisher;
    private final IngestMetrics metrics;

    private final Duration maxClockSkew;

    public LineageIngestService(ObjectMapper mapper, SchemaCatalog catalog, EventPublisher publisher, IngestMetrics metrics,
                                @ConfigProperty(name = "headwater.ingest.max-clock-skew", defaultValue = "PT5M") Duration maxClockSkew) {
        this.reader = new JsonBodyReader(mapper);
        this.specValidator = new SpecSchemaValidator(catalog);
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxClockSkew = maxClockSkew;
    }

    /** One event over HTTP: its id, once Kafka has acknowledged it. */
    public String accept(byte[] body, Sender sender) {
        Instant received = Instant.now();
        String raw = reader.text(body);
        Outgoing outgoing = prepare(reader.parse(raw), raw, received, "", "http", sender);
        publisher.sendAndWait(outgoing.topic(), outgoing.key(), outgoing.value(), sender.trace());
        metrics.accepted(KIND, "http", outgoing.producer(), 1);
        metrics.latency(KIND, "http", Duration.between(received, Instant.now()));
        return outgoing.eventId();
    }

    private static List<Violation> at(String pointer, List<Violation> violations) {
        return pointer.isEmpty() ? violations : violations.stream().map(v -> new Violation(pointer + v.pointer(), v.detail())).toList();
    }

    /** What a key limited to namespaces may not write: the job, and every dataset the event writes (reads are free). */
    static List<Violation> outsideNamespaces(JsonNode event, Sender sender) {
        if (sender.namespaces().isEmpty()) {
            return List.of();
        }
        List<Violation> outside = new java.util.ArrayList<>();
        check(event.path("job"), "/job/namespace", sender, outside);
        check(event.path("dataset"), "/dataset/namespace", sender, outside);
        JsonNode outputs = event.path("outputs");
        for (int i = 0; i < outputs.size(); i++) {
            check(outputs.get(i), "/outputs/" + i + "/namespace", sender, outside);
        }
        return outside;
    }

    private static void check(JsonNode holder, String pointer, Sender sender, List<Violation> outside) {
        JsonNode namespace = holder.path("namespace");
        if (namespace.isTextual() && !sender.mayWrite(namespace.asText())) {
            outside.add(new Violation(pointer, sender.principal() + " may write only to the namespaces " + sender.namespaces() + ", not '"
                    + namespace.asText() + "'"));
        }
    }

    /**
     * The normalised fields repeat what the raw JSON holds, so an event near the size limit could make a
     * record larger than Kafka takes: then the normalised copy is trimmed (long strings cut with a marker),
     * never the raw JSON, which stays verbatim.
     */
    private static LineageEvent fit(LineageEvent event, String raw) {
        long budget = RecordSizes.MAX_RECORD_BYTES - 64 * 1024;
        if ((long) raw.length() * 2 < budget) {
            return event;
        }
        return RecordTrimmer.fit(event, (int) budget, RecordSizes.MAX_STATE_STRING_CHARS, java.util.Set.of("rawJson"));
    }

    /**
     * Validates and converts one event; throws {@link InvalidEventException} naming every violation
     * (pointers start with {@code pointer}, the event's place in a batch).
     */
    public Outgoing prepare(JsonNode event, String raw, Instant received, String pointer, String source, Sender sender) {
        List<Violation> violations = validator.validate(event);
        if (violations.isEmpty()) {
            violations = specValidator.validate(event, EventKind.of(event));
        }
        if (violations.isEmpty()) {
            violations = TimeChecks.notAhead(event, "eventTime", "", received, maxClockSkew);
        }
        if (!violations.isEmpty()) {
            metrics.rejected(KIND, source, event.path("producer").asText("unknown"), "invalid");
            throw new InvalidEventException(at(pointer, violations));
        }
        List<Violation> outside = outsideNamespaces(event, sender);
        if (!outside.isEmpty()) {
            metrics.rejected(KIND, source, event.path("producer").asText("unknown"), "namespace");
            throw new NamespaceNotAllowedException(at(pointer, outside));
        }
        // Credentials in URLs and secret-named fields leave before anything is stored, the raw text included.
        SecretRedactor.Redactions redactions = SecretRedactor.redact(event);
        String stored = redactions.apply(raw, event);
        if (redactions.any()) {
            metrics.redacted(KIND, source, redactions.pointers().size());
        }
        LineageEvent normalized = fit(normalizer.normalize(event, stored, received), stored);
        normalized.setSentBy(sender.principal());
        return new Outgoing(Topics.LINEAGE.name(), LineageEventNormalizer.partitionKey(normalized), normalized,
                normalized.getEventId(), normalized.getProducer());
    }
}
