package io.headwater.kafka.errors;

import io.headwater.contract.RecordSizes;
import io.headwater.contract.Topics;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where Kafka Streams' exception handlers put what the topology cannot read, process or write: the
 * source record's raw bytes on {@link Topics#DEAD_LETTER}, with headers saying why, at which stage and
 * from where, so the stream goes on and nothing goes unaccounted. Counted in
 * {@code headwater_streams_dead_letters_total{stage}} (in the service's Prometheus metrics, through Micrometer's global registry). One plain (non-transactional) producer per
 * process: a dead letter must survive the aborted transaction that may follow.
 */
final class StreamsDeadLetters {

    static final String REASON = "headwater.reason";
    static final String STAGE = "headwater.stage";
    static final String SOURCE_TOPIC = "headwater.source.topic";
    static final String SOURCE_PARTITION = "headwater.source.partition";
    static final String SOURCE_OFFSET = "headwater.source.offset";
    private static final Logger LOG = LoggerFactory.getLogger(StreamsDeadLetters.class);
    private static final int MAX_REASON_CHARS = 2_000;
    private static KafkaProducer<byte[], byte[]> producer;
    private static String application = "kafka-streams";

    private StreamsDeadLetters() {
    }

    static synchronized void configure(Map<String, ?> configs) {
        if (producer != null) {
            return;
        }
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        application = applicationId == null ? application : applicationId.toString();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        // The same security settings as the streams' own clients (SASL, TLS), when there are any.
        configs.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordSizes.MAX_RECORD_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the source record of {@code context} with the reason and waits for the broker (bounded). */
    static void send(String stage, ErrorHandlerContext context, byte[] key, byte[] value, Exception cause) {
        String reason = reason(cause);
        Metrics.counter(ErrorCounters.DEAD_LETTERS, "stage", stage).increment();
        LOG.error("dead-lettering a record from {}-{}@{} at {} ({}): {}", context.topic(), context.partition(), context.offset(),
                context.processorNodeId(), stage, reason);
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(STAGE, (application + ":" + stage).getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(SOURCE_TOPIC, String.valueOf(context.topic()).getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(SOURCE_PARTITION, Integer.toString(context.partition()).getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(SOURCE_OFFSET, Long.toString(context.offset()).getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            // Not stored anywhere: failing the task is the only way not to lose it (it is retried after a restart).
            throw new IllegalStateException("could not dead-letter a record from " + context.topic() + ": " + e.getMessage(), e);
        }
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            throw new IllegalStateException("the dead-letter producer is not configured");
        }
        return producer;
    }

    static String reason(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < MAX_REASON_CHARS; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) : text.toString();
    }
}
