package io.headwater.security;

import io.headwater.contract.Topics;
import io.headwater.contract.access.KeyUse;
import io.headwater.kafka.connection.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remembers which keys this instance let in and reports each one's last use to the keys topic at most once
 * per {@code headwater.auth.last-use-interval} (default 30s): a request never waits on Kafka for it, and a
 * busy key costs one small record per interval, not one per request. The exact time of every use is in
 * the audit.
 */
@ApplicationScoped
public class KeyUseRecorder {

    private static final Logger LOG = Logger.getLogger(KeyUseRecorder.class);

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final Config config;
    private final String instance;
    private final Duration interval;
    private volatile ScheduledExecutorService flusher;
    private volatile KafkaProducer<String, String> producer;

    public KeyUseRecorder(Config config) {
        this.config = config;
        this.interval = config.getOptionalValue("headwater.auth.last-use-interval", Duration.class).orElse(Duration.ofSeconds(30));
        this.instance = config.getOptionalValue("quarkus.application.name", String.class).orElse("headwater") + "@" + hostName();
    }

    public void used(String keyId) {
        pending.put(keyId, Instant.now());
        if (flusher == null) {
            startFlushing();
        }
    }

    private synchronized void startFlushing() {
        if (flusher != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headwater-key-use");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        flusher = executor;
    }

    void flush() {
        try {
            for (String keyId : pending.keySet()) {
                Instant at = pending.remove(keyId);
                if (at != null) {
                    KeyUse use = new KeyUse(keyId, instance, at);
                    producer().send(new ProducerRecord<>(Topics.API_KEYS.name(), use.kafkaKey(), use.toJson()));
                }
            }
            if (producer != null) {
                producer.flush();
            }
        } catch (RuntimeException e) {
            // The last-use time is a convenience (the audit has every use): a Kafka hiccup costs one interval of it, nothing else.
            LOG.warnf("could not report key use to %s: %s", Topics.API_KEYS.name(), e.getMessage());
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaConnection.from(config).with(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, "headwater-key-use")), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        ScheduledExecutorService f = flusher;
        if (f != null) {
            f.shutdownNow();
            flush();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
