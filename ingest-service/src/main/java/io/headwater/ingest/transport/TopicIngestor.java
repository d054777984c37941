package io.headwater.ingest.transport;

import io.headwater.ingest.kafka.DeadLetterPublisher;
import io.headwater.ingest.kafka.EventPublisher;
import io.headwater.ingest.kafka.KafkaUnavailableException;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.MalformedBodyException;
import io.headwater.kafka.connection.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    private volatile long lastPoll = System.nanoTime();
    private volatile int consecutiveFailures;
    private volatile String lastFailure = "";

    TopicIngestor(String topic, String kind, KafkaConnection kafka, String groupId, Converter converter,
                  EventPublisher publisher, DeadLetterPublisher deadLetters, IngestMetrics metrics) {
        this.topic = topic;
        this.kind = kind;
        this.converter = converter;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                    lastPoll = System.nanoTime();
                    if (!records.isEmpty() && !handle(records)) {
                        rewind(records);
                        Thread.sleep(1_000);
                    }
                    consecutiveFailures = 0;
                } catch (WakeupException e) {
                    if (!running) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // Whatever went wrong (a commit after a rebalance, a bug), the worker lives on and retries what it had.
                    consecutiveFailures++;
                    lastFailure = e.toString();
                    LOG.errorf(e, "ingest from topic %s failed (%d in a row); retrying", topic, consecutiveFailures);
                    if (!records.isEmpty()) {
                        rewind(records);
                    }
                    Thread.sleep(Math.min(30_000, 500L << Math.min(consecutiveFailures, 6)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            lastFailure = e.toString();
            LOG.errorf(e, "ingest from topic %s stopped", topic);
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    String topic() {
        return topic;
    }

    /** Seconds since the last poll returned (a live worker polls every half second). */
    long secondsSinceLastPoll() {
        return (System.nanoTime() - lastPoll) / 1_000_000_000L;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    String lastFailure() {
        return lastFailure;
    }

    /**
     * @return true when every record is stored or dead-lettered and the offsets are committed. Only an
     * outage (Kafka or the registry not answering) makes it false, so the same records are retried; a
     * record that fails for any other reason (invalid, not encodable, too large) is a bad record:
     * dead-lettered with the reason, never retried.
     */
    private boolean handle(ConsumerRecords<String, byte[]> records) {
        Instant received = Instant.now();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> ackedRecords = new ArrayList<>();
        List<Future<?>> dead = new ArrayList<>();
        List<Outgoing> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                metrics.rejected(kind, "kafka", "unknown", "tombstone");
                dead.add(deadLetter(record, "a tombstone (a record without a value) carries no event"));
                continue;
            }
            try {
                Outgoing outgoing = converter.convert(record.value(), received);
                sent.add(outgoing);
                ackedRecords.add(record);
                acks.add(publisher.send(outgoing.topic(), outgoing.key(), outgoing.value()));
            } catch (InvalidEventException | MalformedBodyException e) {
                metrics.rejected(kind, "kafka", "unknown", e instanceof InvalidEventException ? "invalid" : "malformed");
                dead.add(deadLetter(record, reason(e)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not convert %s-%d@%d; dead-lettered", record.topic(), record.partition(), record.offset());
                dead.add(deadLetter(record, "conversion failed: " + e));
            }
        }
        publisher.awaitAll(acks);
        List<Outgoing> stored = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            java.util.Optional<RuntimeException> failure = publisher.failure(acks.get(i));
            if (failure.isEmpty()) {
                stored.add(sent.get(i));
            } else if (failure.get() instanceof KafkaUnavailableException) {
                LOG.warnf("Kafka did not acknowledge events from %s (%s); retrying them", topic, failure.get().getMessage());
                metrics.unavailable(kind, "kafka", acks.size());
                return false;
            } else {
                metrics.rejected(kind, "kafka", sent.get(i).producer(), "unstorable");
                dead.add(deadLetter(ackedRecords.get(i), "could not be stored: " + failure.get().getMessage()));
            }
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
        stored.forEach(o -> metrics.accepted(kind, "kafka", o.producer(), 1));
        metrics.latency(kind, "kafka", Duration.between(received, Instant.now()));
        return true;
    }

    private Future<?> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        return deadLetters.send(record.key(), record.value(), reason, record.topic(), record.partition(), record.offset());
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
