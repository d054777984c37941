package io.headwater.ingest.kafka;

import io.headwater.contract.Topics;
import io.headwater.kafka.connection.KafkaConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Events that were taken from a Kafka topic but cannot be stored (invalid, unconvertible) go to the
 * dead-letter topic with the raw payload unchanged and headers saying why and from where, so
 * nothing is dropped silently and a fixed event can be replayed.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON = "headwater.reason";
    public static final String SOURCE_TOPIC = "headwater.source.topic";
    public static final String SOURCE_PARTITION = "headwater.source.partition";
    public static final String SOURCE_OFFSET = "headwater.source.offset";

    private final KafkaProducer<String, byte[]> producer;

    public DeadLetterPublisher(KafkaConnection kafka,
                               @ConfigProperty(name = "headwater.ingest.ack-timeout") Duration ackTimeout) {
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, io.headwater.contract.RecordSizes.MAX_RECORD_BYTES,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout.toMillis())),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Future<?> send(String key, byte[] payload, String reason, String topic, int partition, long offset) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTER.name(), null, key, payload, List.of(
                new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(SOURCE_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(SOURCE_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8))));
        return producer.send(record);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
