package io.headwater.schemaregistry.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.schemaregistry.model.CompatibilityLevel;
import io.headwater.schemaregistry.model.RegistryError;
import io.headwater.schemaregistry.model.SchemaVersion;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The registry's storage: a compacted, single-partition Kafka topic, read from the beginning at
 * start and followed for as long as the service runs (as Confluent's registry does). Reads are
 * answered from the index folded from that log; a write is appended to the log and answered
 * once this instance has read it back, so a client always reads its own writes.
 */
@ApplicationScoped
public class KafkaSchemaLog {

    private static final Logger LOG = Logger.getLogger(KafkaSchemaLog.class);

    private final io.headwater.kafka.connection.KafkaConnection kafka;
    private final String topic;
    private final Duration timeout;
    private final SchemaIndex index;
    private final Object lock = new Object();

    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread reader;
    private volatile boolean running;
    private volatile long appliedUpTo = -1;
    private volatile boolean caughtUp;

    public KafkaSchemaLog(io.headwater.kafka.connection.KafkaConnection kafka,
                          @ConfigProperty(name = "headwater.registry.topic") String topic,
                          @ConfigProperty(name = "headwater.registry.timeout") Duration timeout,
                          @ConfigProperty(name = "headwater.registry.default-compatibility") String defaultCompatibility) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
        this.index = new SchemaIndex(CompatibilityLevel.parse(defaultCompatibility)
                .orElseThrow(() -> new IllegalArgumentException("headwater.registry.default-compatibility: unknown level " + defaultCompatibility)));
    }

    void start(@Observes StartupEvent event) {
        ensureTopic();
        producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis() / 2, 30_000))),
                new ByteArraySerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        running = true;
        reader = new Thread(this::follow, "schema-log-reader");
        reader.setDaemon(true);
        reader.start();
        awaitApplied(end - 1);
        caughtUp = true;
        LOG.infof("schema log %s read up to offset %d; %d subjects", topic, end, read(i -> i.subjects().size()));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether the log has been read to its end at least once (readiness). */
    public boolean isCaughtUp() {
        return caughtUp && reader.isAlive();
    }

    /** Reads the index under the lock. */
    public <T> T read(Function<IndexView, T> query) {
        synchronized (lock) {
            return query.apply(new IndexView(index));
        }
    }

    /** Appends a schema version and returns whether the log accepted this claim (first claim wins). */
    public boolean appendSchema(SchemaVersion version) {
        append(SchemaLogRecords.schemaKey(version.subject(), version.version()), SchemaLogRecords.schemaValue(version));
        return read(view -> view.version(version.subject(), version.version())
                .map(v -> v.id() == version.id() && v.deleted() == version.deleted()).orElse(false));
    }

    /** Removes a version for good. */
    public void tombstoneSchema(String subject, int version) {
        append(SchemaLogRecords.schemaKey(subject, version), null);
    }

    /** Sets (or with null, clears) the compatibility level of a subject, or the global one when subject is null. */
    public void appendConfig(String subject, CompatibilityLevel level) {
        append(SchemaLogRecords.configKey(subject), level == null ? null : SchemaLogRecords.configValue(level.name()));
    }

    private void append(byte[] key, byte[] value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, 0, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted");
        } catch (ExecutionException e) {
            throw RegistryError.storeError("Kafka did not accept the write: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw RegistryError.timeout("Kafka did not acknowledge the write within " + timeout);
        }
        awaitApplied(offset);
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (appliedUpTo < offset) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    throw RegistryError.timeout("the schema log was not read up to offset " + offset + " within " + timeout);
                }
                try {
                    lock.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryError.storeError("interrupted");
                }
            }
        }
    }

    private void follow() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                synchronized (lock) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        apply(record);
                    }
                    // Position, not the last record's offset: transaction markers and compacted gaps count too.
                    appliedUpTo = consumer.position(new TopicPartition(topic, 0)) - 1;
                    lock.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("the schema log reader stopped; the registry is no longer ready", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        JsonNode key;
        try {
            key = SchemaLogRecords.parse(record.key());
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable key at offset %d of %s", record.offset(), topic);
            return;
        }
        if (key == null) {
            return;
        }
        String type = key.path("keytype").asText();
        JsonNode value = SchemaLogRecords.parse(record.value());
        switch (type) {
            case SchemaLogRecords.SCHEMA -> {
                if (value == null) {
                    index.removeSchema(key.get("subject").asText(), key.get("version").asInt());
                } else if (!index.applySchema(SchemaLogRecords.schemaVersion(value))) {
                    LOG.debugf("ignored a conflicting schema claim at offset %d", record.offset());
                }
            }
            case SchemaLogRecords.CONFIG -> {
                String subject = key.path("subject").isNull() || key.path("subject").isMissingNode() ? null : key.get("subject").asText();
                CompatibilityLevel level = value == null ? null : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()).orElse(null);
                if (subject != null || level != null) {
                    index.applyConfig(subject, level);
                }
            }
            default -> LOG.debugf("ignoring key type %s at offset %d", type, record.offset());
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(kafka.with(Map.of()))) {
            if (admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the schema topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not answer while checking the schema topic " + topic, e);
        }
    }

    /** A read-only view of the index, handed out under the lock. */
    public static final class IndexView {
        private final SchemaIndex index;

        IndexView(SchemaIndex index) {
            this.index = index;
        }

        public Optional<SchemaVersion> version(String subject, int version) {
            return index.version(subject, version);
        }

        public List<SchemaVersion> versions(String subject) {
            return index.versions(subject);
        }

        public List<String> subjects() {
            return index.subjectNames();
        }

        public Optional<String> schemaById(int id) {
            return index.schemaById(id);
        }

        public Optional<Integer> idOf(String schema) {
            return index.idOf(schema);
        }

        public List<SchemaVersion> usesOf(int id) {
            return index.usesOf(id);
        }

        public int maxId() {
            return index.maxId();
        }

        public CompatibilityLevel globalConfig() {
            return index.globalConfig();
        }

        public Optional<CompatibilityLevel> subjectConfig(String subject) {
            return index.subjectConfig(subject);
        }
    }
}
