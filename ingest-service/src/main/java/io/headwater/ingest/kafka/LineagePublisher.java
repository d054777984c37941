package io.headwater.ingest.kafka;

import io.headwater.avro.LineageEvent;
import io.headwater.contract.Topics;
import io.headwater.ingest.openlineage.LineageEventNormalizer;
import io.headwater.registry.client.SchemaRegistryClient;
import io.headwater.registry.serde.AvroSerializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import io.headwater.registry.client.SchemaRegistryException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes lineage events to Kafka and returns only once the broker has acknowledged them
 * (acks=all, idempotent), so a 2xx to the client always means the event is safely stored.
 */
@ApplicationScoped
public class LineagePublisher {

    private static final int LINGER_MS = 2;

    private final KafkaProducer<String, LineageEvent> producer;
    private final Duration ackTimeout;

    public LineagePublisher(SchemaRegistryClient registry,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "headwater.ingest.ack-timeout") Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // Bound every wait: metadata when the broker is down, and delivery, so the client gets a 503, not a hang.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis() + LINGER_MS);
        AvroSerializer<LineageEvent> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** Sends the event keyed by its root run and waits for the broker's acknowledgement. */
    public RecordMetadata publish(LineageEvent event) {
        ProducerRecord<String, LineageEvent> record = new ProducerRecord<>(Topics.LINEAGE, LineageEventNormalizer.partitionKey(event), event);
        try {
            return producer.send(record).get(ackTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the event within " + ackTimeout, e);
        } catch (SchemaRegistryException e) {
            throw new KafkaUnavailableException("the schema registry is unavailable: " + e.getMessage(), e);
        } catch (SerializationException e) {
            // Our own contract failed to encode the event: a bug, not an outage, so no 503 invites a retry.
            throw new IllegalStateException("could not encode the event as Avro: " + e.getMessage(), e);
        } catch (KafkaException e) {
            // send() fails fast when the broker's metadata cannot be fetched within max.block.ms.
            throw new KafkaUnavailableException("Kafka is unavailable: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
