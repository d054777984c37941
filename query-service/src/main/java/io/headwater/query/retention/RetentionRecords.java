package io.headwater.query.retention;

import io.headwater.contract.Topics;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.query.errors.UnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What retention writes to Kafka: holds, erasure receipts, and the tombstones that remove decisions. Each
 * write returns once Kafka acknowledged it (acks=all, idempotent), so an answer never claims what is not stored.
 */
@ApplicationScoped
public class RetentionRecords {

    private final KafkaProducer<String, byte[]> producer;

    public RetentionRecords(KafkaConnection kafka) {
        this.producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "query-retention")), new StringSerializer(), new ByteArraySerializer());
    }

    void hold(String id, String json) {
        await(List.of(producer.send(new ProducerRecord<>(Topics.HOLDS.name(), id, json.getBytes(StandardCharsets.UTF_8)))));
    }

    void receipt(String id, String json) {
        await(List.of(producer.send(new ProducerRecord<>(Topics.ERASURES.name(), id, json.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Tombstones for these decisions on the decisions topic: lineage-streams and every store after it follow. */
    void removeDecisions(Collection<String> decisionIds) {
        List<Future<?>> sent = new ArrayList<>();
        for (String id : decisionIds) {
            sent.add(producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), id, null)));
        }
        await(sent);
    }

    private static void await(List<Future<?>> sent) {
        try {
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw UnavailableException.kafkaDidNotAcknowledge("Kafka did not acknowledge the write: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UnavailableException.kafkaDidNotAcknowledge("interrupted while waiting for Kafka", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
