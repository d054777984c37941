package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.LineageEvent;
import io.headwater.ingest.kafka.LineagePublisher;
import io.headwater.ingest.openlineage.InvalidEventException;
import io.headwater.ingest.openlineage.JsonBodyReader;
import io.headwater.ingest.openlineage.LineageEventNormalizer;
import io.headwater.ingest.openlineage.OpenLineageValidator;
import io.headwater.ingest.openlineage.Violation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Reads, validates, normalises and publishes one OpenLineage event. */
@ApplicationScoped
public class LineageIngestService {

    private final JsonBodyReader reader;
    private final OpenLineageValidator validator = new OpenLineageValidator();
    private final LineageEventNormalizer normalizer = new LineageEventNormalizer();
    private final LineagePublisher publisher;

    public LineageIngestService(ObjectMapper mapper, LineagePublisher publisher) {
        this.reader = new JsonBodyReader(mapper);
        this.publisher = publisher;
    }

    /** @return the event id, once Kafka has acknowledged the event */
    public String accept(byte[] body) {
        String raw = reader.text(body);
        JsonNode event = reader.parse(raw);
        List<Violation> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        LineageEvent normalized = normalizer.normalize(event, raw, Instant.now());
        publisher.publish(normalized);
        return normalized.getEventId();
    }
}
