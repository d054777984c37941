package io.headwater.ingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.contract.Problem;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.kafka.UnstorableEventException;
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

    public BatchResult acceptLineage(byte[] body, boolean ndjson, int maxEvents, Sender sender) {
        Instant received = Instant.now();
        String text = reader.text(body);
        List<BatchResult.Item> results = new ArrayList<>();
        List<Outgoing> sent = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        List<Integer> sentIndex = new ArrayList<>();
        // Each event is parsed, checked and sent as it is read, so only one event's tree is alive at a time.
        ItemHandler handler = (i, raw, parsed) -> {
            if (i >= maxEvents) {
                throw new MalformedBodyException("", "a batch holds at most " + maxEvents + " events");
            }
            results.add(null);
            try {
                JsonNode event = parsed != null ? parsed : reader.parse(raw);
                Outgoing outgoing = lineage.prepare(event, raw, received, "/" + i, "http-batch", sender);
                sent.add(outgoing);
                sentIndex.add(i);
                acks.add(publisher.send(outgoing.topic(), outgoing.key(), outgoing.value(), sender.trace()));
            } catch (InvalidEventException e) {
                results.set(i, BatchResult.Item.rejected(i, e.getMessage(),
                        e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList()));
            } catch (MalformedBodyException e) {
                metrics.rejected(LineageIngestService.KIND, "http-batch", "unknown", "malformed");
                results.set(i, BatchResult.Item.rejected(i, e.getMessage(), List.of(new Problem.FieldError("/" + i, e.getMessage()))));
            }
        };
        if (ndjson) {
            eachLine(text, handler);
        } else {
            eachElement(text, handler);
        }
        publisher.awaitAll(acks);
        int accepted = 0;
        int unavailable = 0;
        for (int j = 0; j < acks.size(); j++) {
            int index = sentIndex.get(j);
            Outgoing outgoing = sent.get(j);
            CompletableFuture<RecordMetadata> ack = acks.get(j);
            java.util.Optional<RuntimeException> failure = publisher.failure(ack);
            if (failure.isEmpty()) {
                accepted++;
                metrics.accepted(LineageIngestService.KIND, "http-batch", outgoing.producer(), 1);
                results.set(index, BatchResult.Item.accepted(index, outgoing.eventId()));
            } else if (failure.get() instanceof UnstorableEventException unstorable) {
                // Valid, yet not storable (too large, not encodable): retrying would not help.
                metrics.rejected(LineageIngestService.KIND, "http-batch", outgoing.producer(), "unstorable");
                results.set(index, BatchResult.Item.rejected(index, unstorable.getMessage(),
                        List.of(new Problem.FieldError("/" + index, unstorable.getMessage()))));
            } else {
                unavailable++;
                results.set(index, BatchResult.Item.unavailable(index, outgoing.eventId(), failure.get().getMessage() + "; retry"));
            }
        }
        if (unavailable > 0) {
            metrics.unavailable(LineageIngestService.KIND, "http-batch", unavailable);
        }
        metrics.latency(LineageIngestService.KIND, "http-batch", Duration.between(received, Instant.now()));
        return new BatchResult(accepted, results.size() - accepted - unavailable, unavailable, results);
    }

    /** One event of a batch: its index, its exact text (the NDJSON line, or the array element as sent), its tree if parsed. */
    private interface ItemHandler {
        void accept(int index, String raw, JsonNode parsed);
    }

    /** Walks the array once, handing over each element with its exact text, so rawJson is verbatim. */
    private void eachElement(String text, ItemHandler handler) {
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("", "a batch is a JSON array of events (or NDJSON with Content-Type application/x-ndjson)");
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                JsonNode node = mapper.readTree(parser);
                int end = (int) parser.currentLocation().getCharOffset();
                handler.accept(index++, text.substring(start, end), node);
            }
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("", "the batch has content after its closing ]");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedBodyException("", "the batch is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void eachLine(String text, ItemHandler handler) {
        int index = 0;
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                handler.accept(index++, line, null);
            }
        }
        if (index == 0) {
            throw new MalformedBodyException("", "the NDJSON batch holds no events");
        }
    }
}
