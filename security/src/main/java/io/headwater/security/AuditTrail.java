package io.headwater.security;

import io.headwater.contract.Topics;
import io.headwater.contract.access.AuditEntry;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.topics.RequiredTopicsCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes the access audit: one record per request to the append-only audit topic, keyed by principal, sent
 * asynchronously so that the answer never waits for it (batched, acknowledged by all replicas; a failure is
 * counted in {@code headwater_audit_failures_total} and logged, never dropped unseen).
 * {@code headwater.audit.enabled} (default true) turns it off.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final boolean enabled;
    private final String service;
    private final MeterRegistry metrics;
    private volatile KafkaProducer<String, String> producer;

    public AuditTrail(@ConfigProperty(name = "headwater.audit.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "quarkus.application.name", defaultValue = "headwater") String service, MeterRegistry metrics) {
        this.enabled = enabled;
        this.service = service;
        this.metrics = metrics;
    }

    void start(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event, Config config,
               AccessSettings access) {
        boolean open = access.open();
        if (!enabled) {
            LOG.warn("headwater.audit.enabled=false: requests to this service are not audited");
            return;
        }
        // The topic was checked with the keys topic (ApiKeyDirectory); in open mode, where no keys are read, here.
        KafkaConnection kafka = KafkaConnection.from(config);
        if (open) {
            RequiredTopicsCheck.verify(service, kafka, List.of(Topics.AUDIT), Duration.ofSeconds(10));
        }
        producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20", ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Never hold up an answer: a full buffer fails the audit record (counted and logged), not the request.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "100", ProducerConfig.CLIENT_ID_CONFIG, service + "-audit")),
                new StringSerializer(), new StringSerializer());
    }

    public String service() {
        return service;
    }

    public boolean enabled() {
        return enabled && producer != null;
    }

    public void record(AuditEntry entry) {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            return;
        }
        try {
            p.send(new ProducerRecord<>(Topics.AUDIT.name(), entry.principal(), entry.toJson()), (metadata, failure) -> {
                if (failure != null) {
                    failed(entry, failure);
                }
            });
        } catch (RuntimeException e) {
            failed(entry, e);
        }
    }

    private void failed(AuditEntry entry, Exception failure) {
        metrics.counter("headwater.audit.failures", "service", service).increment();
        LOG.errorf("an audit record was not stored (%s %s by %s at %s): %s", entry.method(), entry.path(), entry.principal(), entry.time(),
                failure.getMessage());
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
