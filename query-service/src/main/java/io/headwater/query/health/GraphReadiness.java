package io.headwater.query.health;

import io.headwater.health.StreamsStates;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the graph replica is loaded and queryable (Kafka Streams RUNNING), and why not otherwise;
 * the extension's own readiness check only looks at the topics. Kafka and the registry have their own checks.
 */
@Readiness
@ApplicationScoped
public class GraphReadiness implements HealthCheck {

    private final KafkaStreams streams;
    private final StreamThreadRecovery threads;

    public GraphReadiness(KafkaStreams streams, StreamThreadRecovery threads) {
        this.streams = streams;
        this.threads = threads;
    }

    @Override
    public HealthCheckResponse call() {
        return StreamsStates.readiness("graph-replica", streams, threads);
    }
}
