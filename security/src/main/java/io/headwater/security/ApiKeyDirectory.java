package io.headwater.security;

import io.headwater.contract.Topics;
import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.KeyUse;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.topics.RequiredTopicsCheck;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every API key, read from the compacted keys topic by every instance (so a key made or revoked on one is
 * known to all within a poll), the way the registry reads its schemas: the topic is the store, this is its
 * view. The service does not take requests before the view has caught up with the topic's end at start,
 * so a restart never refuses a valid key.
 */
@ApplicationScoped
public class ApiKeyDirectory {

    private static final Logger LOG = Logger.getLogger(ApiKeyDirectory.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    /** Each key's latest use reported by any instance ({@link KeyUse}). */
    private final Map<String, java.time.Instant> lastUsed = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile Thread reader;

    /** After the service's own start-up checks (which name every missing topic at once), before requests. */
    void start(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event,
               AccessSettings settings, Config config) {
        if (settings.open()) {
            LOG.warn("headwater.auth.mode=open: every caller has every role. Use it on one machine only; it listens on " + settings.httpHost());
            return;
        }
        KafkaConnection kafka = KafkaConnection.from(config);
        // One check for both topics this module needs (the audit's too), then the keys are read in the background:
        // a start does not wait for them, a request that needs a key before they are read does (awaitCaughtUp).
        RequiredTopicsCheck.verify(config.getOptionalValue("quarkus.application.name", String.class).orElse("headwater"), kafka,
                List.of(Topics.API_KEYS, Topics.AUDIT), Duration.ofSeconds(10));
        consumer = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "headwater-api-keys",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")), new StringDeserializer(), new StringDeserializer());
        reader = new Thread(this::read, "headwater-api-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** For readiness: null while all is well (or in open mode), else what is wrong. */
    public String problem() {
        Thread r = reader;
        if (r == null) {
            return null;
        }
        if (!r.isAlive() && running) {
            return "the API keys reader stopped: keys made or revoked since are not seen";
        }
        return caughtUp() ? null : "the API keys on " + Topics.API_KEYS.name() + " are still being read";
    }

    /** Waits (blocking) until the keys on the topic at start have been read; false when that took longer than allowed. */
    public boolean awaitCaughtUp() {
        try {
            return caughtUp.await(CATCH_UP.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_KEYS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                    LOG.infof("API keys: %d known, read from %s", keys.size(), Topics.API_KEYS.name());
                }
            }
        } catch (WakeupException stopping) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.error("the API keys reader stopped: " + e.getMessage() + "; keys made or revoked from now on are not seen until restart", e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (KeyUse.isKeyUse(record.key())) {
            applyUse(record);
            return;
        }
        if (record.value() == null) {
            keys.remove(record.key());
            return;
        }
        try {
            ApiKey key = ApiKey.fromJson(record.value());
            keys.put(key.id(), key);
        } catch (RuntimeException e) {
            LOG.warnf("an unreadable record at %s-%d@%d of the keys topic was skipped: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private void applyUse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            KeyUse use = KeyUse.fromJson(record.value());
            if (use.keyId() != null && use.lastUsedAt() != null) {
                lastUsed.merge(use.keyId(), use.lastUsedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        } catch (RuntimeException e) {
            LOG.warnf("an unreadable key-use record at %s-%d@%d was skipped: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /** When any instance last let the key in, as reported (each instance reports every {@code headwater.auth.last-use-interval}). */
    public Optional<java.time.Instant> lastUsed(String id) {
        return Optional.ofNullable(lastUsed.get(id));
    }

    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public List<ApiKey> all() {
        return List.copyOf(keys.values());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
