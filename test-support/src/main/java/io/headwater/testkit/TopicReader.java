package io.headwater.testkit;

import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a topic from the beginning, for tests and tools that check what reached Kafka. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Avro records of a generated class, read until {@code done} holds for what was read, or the timeout. */
    public static <T> List<ConsumerRecord<String, T>> avro(String bootstrap, String registryUrl, String topic, Class<T> type,
                                                          Predicate<List<ConsumerRecord<String, T>>> done, Duration timeout) {
        return read(bootstrap, topic, new AvroDeserializer<>(new SchemaRegistryClient(registryUrl), type), done, timeout);
    }

    /** Raw records, read until {@code done} holds, or the timeout. */
    public static List<ConsumerRecord<String, byte[]>> raw(String bootstrap, String topic,
                                                           Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        return read(bootstrap, topic, new ByteArrayDeserializer(), done, timeout);
    }

    private static <T> List<ConsumerRecord<String, T>> read(String bootstrap, String topic, Deserializer<T> values,
                                                           Predicate<List<ConsumerRecord<String, T>>> done, Duration timeout) {
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Every record now on these topics, raw (keys and values as bytes), read to the end offsets taken at the start:
     * one consumer for all of them, so a scan of the whole cluster takes seconds.
     */
    public static List<ConsumerRecord<byte[], byte[]>> everything(String bootstrap, java.util.Collection<String> topics, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
