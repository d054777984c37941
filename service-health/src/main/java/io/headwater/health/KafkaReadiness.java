package io.headwater.health;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.connection.KafkaReachability;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while the cluster answers with this service's connection settings (SASL, TLS): a broker that is
 * down, a wrong password or trust store shows here, named, before any client's write fails, and while a
 * Streams engine would still say RUNNING. Replaces Quarkus' own Kafka check, which knows nothing of settings
 * given as files.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaConnection kafka;
    private final KafkaReachability reachability;

    public KafkaReadiness(Config config) {
        this.kafka = KafkaConnection.from(config);
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
