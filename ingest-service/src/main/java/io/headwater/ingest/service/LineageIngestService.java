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
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.EventKind;
import io.headwater.openlineage.LineageEventNormalizer;
import jakarta.enterprise.context.ApplicationScoped;

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

    public LineageIngestService(ObjectMapper mapper, SchemaCatalog catalog, EventPublisher publisher, IngestMetrics metrics) {
        this.reader = new JsonBodyReader(mapper);
        this.specValidator = new SpecSchemaValidator(catalog);
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** One event over HTTP: its id, once Kafka has acknowledged it. */
    public String accept(byte[] body) {
        Instant received = Instant.now();
        String raw = reader.text(body);
        Outgoing outgoing = prepare(reader.parse(raw), raw, received, "", "http");
        publisher.sendAndWait(outgoing.topic(), outgoing.key(), outgoing.value());
        metrics.accepted(KIND, "http", outgoing.producer(), 1);
        metrics.latency(KIND, "http", java.time.Duration.between(received, Instant.now()));
        return outgoing.eventId();
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
    public Outgoing prepare(JsonNode event, String raw, Instant received, String pointer, String source) {
        List<Violation> violations = validator.validate(event);
        if (violations.isEmpty()) {
            violations = specValidator.validate(event, EventKind.of(event));
        }
        if (!violations.isEmpty()) {
            metrics.rejected(KIND, source, event.path("producer").asText("unknown"), "invalid");
            throw new InvalidEventException(pointer.isEmpty() ? violations
                    : violations.stream().map(v -> new Violation(pointer + v.pointer(), v.detail())).toList());
        }
        LineageEvent normalized = fit(normalizer.normalize(event, raw, received), raw);
        return new Outgoing(Topics.LINEAGE.name(), LineageEventNormalizer.partitionKey(normalized), normalized,
                normalized.getEventId(), normalized.getProducer());
    }
}
