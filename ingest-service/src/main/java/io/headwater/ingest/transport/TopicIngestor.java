package io.headwater.ingest.transport;

import io.headwater.ingest.kafka.DeadLetterPublisher;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.service.Outgoing;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.MalformedBodyException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Takes JSON events from a Kafka topic (the OpenLineage Kafka transport, or serving systems'
 * decision and monitoring topics), converts them as the HTTP endpoints do, and commits its offsets
 * only after every converted record was acknowledged or dead-lettered. If Kafka does not
 * acknowledge, it rewinds and retries the same records: nothing is lost, and repeats are dropped
 * downstream by their deterministic ids.
 */
final class TopicIngestor implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicIngestor.class);

    /** Converts one payload; throws MalformedBodyException or InvalidEventException for a bad one. */
    interface Converter {
        Outgoing convert(byte[] payload, Instant received);
    }

    private final String topic;
    private final String kind;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Converter converter;
    private final EventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final IngestMetrics metrics;
    private volatile boolean running = true;

    TopicIngestor(String topic, String kind, String bootstrapServers, String groupId, Converter converter,
                  EventPublisher publisher, DeadLetterPublisher deadLetters, IngestMetrics metrics) {
        this.topic = topic;
        this.kind = kind;
        this.converter = converter;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && !handle(records)) {
                    rewind(records);
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingest from topic %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** @return true when every record is stored or dead-lettered and the offsets are committed */
    private boolean handle(ConsumerRecords<String, byte[]> records) {
        Instant received = Instant.now();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        List<Future<?>> dead = new ArrayList<>();
        List<Outgoing> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Outgoing outgoing = converter.convert(record.value(), received);
                sent.add(outgoing);
                acks.add(publisher.send(outgoing.topic(), outgoing.key(), outgoing.value()));
            } catch (InvalidEventException | MalformedBodyException e) {
                metrics.rejected(kind, "kafka", "unknown", e instanceof InvalidEventException ? "invalid" : "malformed");
                dead.add(deadLetters.send(record.key(), record.value(), reason(e), record.topic(), record.partition(), record.offset()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not convert %s-%d@%d; dead-lettered", record.topic(), record.partition(), record.offset());
                dead.add(deadLetters.send(record.key(), record.value(), "conversion failed: " + e, record.topic(), record.partition(), record.offset()));
            }
        }
        publisher.awaitAll(acks);
        java.util.Optional<RuntimeException> failure = acks.stream().map(publisher::failure).flatMap(java.util.Optional::stream).findFirst();
        if (failure.isPresent()) {
            LOG.warnf("Kafka did not acknowledge events from %s (%s); retrying them", topic, failure.get().getMessage());
            metrics.unavailable(kind, "kafka", acks.size());
            return false;
        }
        try {
            for (Future<?> letter : dead) {
                letter.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warnf("Kafka did not take dead letters from %s (%s); retrying them", topic, e.getMessage());
            metrics.unavailable(kind, "kafka", dead.size());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        consumer.commitSync();
        sent.forEach(o -> metrics.accepted(kind, "kafka", o.producer(), 1));
        metrics.latency(kind, "kafka", Duration.between(received, Instant.now()));
        return true;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof InvalidEventException invalid) {
            return invalid.violations().stream().map(v -> v.pointer() + ": " + v.detail()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        }
        return e.getMessage();
    }

    /** Back to the first record of this poll, per partition, so the next poll retries them. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        first.forEach(consumer::seek);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
