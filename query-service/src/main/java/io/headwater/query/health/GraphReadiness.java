package io.headwater.query.streams;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the graph replica is loaded and queryable (Kafka Streams RUNNING); the
 * extension's own readiness check only looks at the topics.
 */
@Readiness
@ApplicationScoped
public class GraphReadiness implements HealthCheck {

    private final KafkaStreams streams;

    public GraphReadiness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("graph-replica").status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).build();
    }
}
