package io.headwater.ingest.kafka;

import io.headwater.contract.RecordSizes;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.registry.SchemaRegistryException;
import io.headwater.kafka.serde.AvroSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.charset.StandardCharsets;
import io.headwater.ingest.trace.TraceParent;

/**
 * Writes Avro records to Kafka (acks=all, idempotent) and reports success only once the broker
 * acknowledged them, so a 2xx to a client always means its events are safely stored. Every wait
 * is bounded by {@code headwater.ingest.ack-timeout}: when Kafka is down or slow the caller gets
 * {@link KafkaUnavailableException} (a 503), never a hang and never a false success.
 */
@ApplicationScoped
public class EventPublisher {

    // No linger: a request waits for its ack, and concurrent requests batch up anyway while one is in flight.
    private static final int LINGER_MS = 0;

    private final KafkaProducer<String, SpecificRecord> producer;
    private final Duration ackTimeout;

    public EventPublisher(SchemaRegistryClient registry,
                          KafkaConnection kafka,
                          @ConfigProperty(name = "headwater.ingest.ack-timeout") Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.MAX_RECORD_BYTES);
        // Metadata waits (broker down) and delivery are both bounded, so a client gets a 503, not a hang.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis() + LINGER_MS);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        this.producer = new KafkaProducer<>(kafka.with(config), new StringSerializer(), serializer);
    }

    /** Sends without waiting; the future completes when the broker acknowledged, or fails with KafkaUnavailableException. */
    public CompletableFuture<RecordMetadata> send(String topic, String key, SpecificRecord value) {
        return send(topic, key, value, null);
    }

    /** As {@link #send(String, String, SpecificRecord)}, with the request's traceparent as a header (none where null). */
    public CompletableFuture<RecordMetadata> send(String topic, String key, SpecificRecord value, String traceparent) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, key, value);
            if (traceparent != null) {
                record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acked.complete(metadata);
                } else if (error instanceof RecordTooLargeException) {
                    acked.completeExceptionally(new UnstorableEventException("the event is larger than a Kafka record may be ("
                            + RecordSizes.MAX_RECORD_BYTES + " bytes): " + error.getMessage(), error, true));
                } else {
                    acked.completeExceptionally(new KafkaUnavailableException("Kafka did not acknowledge the event: " + error.getMessage(), error));
                }
            });
        } catch (SchemaRegistryException e) {
            acked.completeExceptionally(new KafkaUnavailableException("the schema registry is unavailable: " + e.getMessage(), e));
        } catch (SerializationException e) {
            // A value the contract cannot encode: a bad record, not an outage, so no 503 invites a retry.
            acked.completeExceptionally(new UnstorableEventException("could not encode the event as Avro: " + e.getMessage(), e, false));
        } catch (KafkaException e) {
            // send() fails fast when the broker's metadata cannot be fetched within max.block.ms.
            acked.completeExceptionally(new KafkaUnavailableException("Kafka is unavailable: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            acked.completeExceptionally(new UnstorableEventException("could not encode the event: " + e, e, false));
        }
        return acked;
    }

    /** Sends and waits for the acknowledgement. */
    public RecordMetadata sendAndWait(String topic, String key, SpecificRecord value) {
        return await(send(topic, key, value));
    }

    /** Sends with the request's traceparent and waits for the acknowledgement. */
    public RecordMetadata sendAndWait(String topic, String key, SpecificRecord value, String traceparent) {
        return await(send(topic, key, value, traceparent));
    }

    /** Waits for one acknowledgement, within the ack timeout. */
    public RecordMetadata await(CompletableFuture<RecordMetadata> acked) {
        try {
            return acked.get(ackTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KafkaUnavailableException("Kafka did not acknowledge the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the event within " + ackTimeout, e);
        }
    }

    /** Waits for every acknowledgement; the failures are left in the futures for the caller to report. */
    public void awaitAll(List<CompletableFuture<RecordMetadata>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // individual futures carry the outcome; unfinished ones are reported as unavailable by the caller
        }
    }

    /**
     * Why an acknowledgement did not succeed, without waiting: empty when the broker acknowledged;
     * KafkaUnavailableException when it failed or is still unanswered (awaitAll already spent the wait);
     * the failure itself when encoding failed (a bug, answered 500).
     */
    public java.util.Optional<RuntimeException> failure(CompletableFuture<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return java.util.Optional.of(new KafkaUnavailableException("Kafka did not acknowledge the event within " + ackTimeout, null));
        }
        if (!ack.isCompletedExceptionally()) {
            return java.util.Optional.empty();
        }
        try {
            ack.join();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.CompletionException e) {
            return java.util.Optional.of(e.getCause() instanceof RuntimeException runtime ? runtime
                    : new KafkaUnavailableException("Kafka did not acknowledge the event: " + e.getCause().getMessage(), e.getCause()));
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
