package io.headwater.ingest.health;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.connection.KafkaReachability;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while the cluster answers with this service's connection settings (SASL, TLS): a wrong
 * password or trust store shows here, named, before any client's write fails. Replaces Quarkus' own
 * Kafka check, which knows nothing of settings given as files.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaConnection kafka;
    private final KafkaReachability reachability;

    public KafkaReadiness(KafkaConnection kafka) {
        this.kafka = kafka;
        this.reachability = new KafkaReachability(kafka, Duration.ofSeconds(3));
    }

    @Override
    public HealthCheckResponse call() {
        String failure = reachability.failure();
        return HealthCheckResponse.named("kafka").status(failure == null).withData("bootstrap.servers", kafka.bootstrapServers())
                .withData("security.protocol", String.valueOf(kafka.settings().getOrDefault("security.protocol", "PLAINTEXT")))
                .withData("failure", failure == null ? "" : failure).build();
    }

    @PreDestroy
    void close() {
        reachability.close();
    }
}
