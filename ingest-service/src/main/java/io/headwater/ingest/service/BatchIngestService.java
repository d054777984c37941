package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.contract.Problem;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.JsonBodyReader;
import io.headwater.ingest.validation.MalformedBodyException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Many OpenLineage events in one request, as a JSON array or NDJSON (one event per line). Every
 * event is validated on its own; the valid ones are sent together and their acknowledgements
 * awaited together, which is what makes batches fast.
 */
@ApplicationScoped
public class BatchIngestService {

    private final JsonBodyReader reader;
    private final ObjectMapper mapper;
    private final LineageIngestService lineage;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;

    public BatchIngestService(ObjectMapper mapper, LineageIngestService lineage, EventPublisher publisher, IngestMetrics metrics) {
        this.mapper = mapper;
        this.reader = new JsonBodyReader(mapper);
        this.lineage = lineage;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public BatchResult acceptLineage(byte[] body, boolean ndjson, int maxEvents) {
        Instant received = Instant.now();
        List<RawItem> items = ndjson ? splitLines(reader.text(body)) : splitArray(reader.text(body));
        if (items.size() > maxEvents) {
            throw new MalformedBodyException("", "a batch holds at most " + maxEvents + " events; this one has " + items.size());
        }
        List<BatchResult.Item> results = new ArrayList<>(items.size());
        List<Outgoing> sent = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        List<Integer> sentIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(null);
            RawItem item = items.get(i);
            try {
                JsonNode event = item.node() != null ? item.node() : reader.parse(item.raw());
                Outgoing outgoing = lineage.prepare(event, item.raw(), received, "/" + i, "http-batch");
                sent.add(outgoing);
                sentIndex.add(i);
                acks.add(publisher.send(outgoing.topic(), outgoing.key(), outgoing.value()));
            } catch (InvalidEventException e) {
                results.set(i, BatchResult.Item.rejected(i, e.getMessage(),
                        e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList()));
            } catch (MalformedBodyException e) {
                metrics.rejected(LineageIngestService.KIND, "http-batch", "unknown", "malformed");
                results.set(i, BatchResult.Item.rejected(i, e.getMessage(), List.of(new Problem.FieldError("/" + i, e.getMessage()))));
            }
        }
        publisher.awaitAll(acks);
        int accepted = 0;
        int unavailable = 0;
        for (int j = 0; j < acks.size(); j++) {
            int index = sentIndex.get(j);
            Outgoing outgoing = sent.get(j);
            CompletableFuture<RecordMetadata> ack = acks.get(j);
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                accepted++;
                metrics.accepted(LineageIngestService.KIND, "http-batch", outgoing.producer(), 1);
                results.set(index, BatchResult.Item.accepted(index, outgoing.eventId()));
            } else {
                unavailable++;
                results.set(index, BatchResult.Item.unavailable(index, outgoing.eventId(), failure(ack)));
            }
        }
        if (unavailable > 0) {
            metrics.unavailable(LineageIngestService.KIND, "http-batch", unavailable);
        }
        metrics.latency(LineageIngestService.KIND, "http-batch", Duration.between(received, Instant.now()));
        return new BatchResult(accepted, items.size() - accepted - unavailable, unavailable, results);
    }

    private static String failure(CompletableFuture<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return "Kafka did not acknowledge in time; retry";
        }
        try {
            ack.get();
            return "unknown";
        } catch (ExecutionException e) {
            return e.getCause().getMessage() + "; retry";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted; retry";
        }
    }

    private List<RawItem> splitArray(String text) {
        JsonNode array = reader.parse(text);
        if (!array.isArray()) {
            throw new MalformedBodyException("", "a batch is a JSON array of events (or NDJSON with Content-Type application/x-ndjson)");
        }
        List<RawItem> items = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            try {
                items.add(new RawItem(mapper.writeValueAsString(node), node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return items;
    }

    private static List<RawItem> splitLines(String text) {
        List<RawItem> items = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                items.add(new RawItem(line, null));
            }
        }
        if (items.isEmpty()) {
            throw new MalformedBodyException("", "the NDJSON batch holds no events");
        }
        return items;
    }

    /** One event of a batch: its text as stored (NDJSON: the line itself; array: the element re-serialised). */
    private record RawItem(String raw, JsonNode node) {
    }
}
