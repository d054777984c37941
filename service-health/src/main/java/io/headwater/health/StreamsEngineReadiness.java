package io.headwater.health;

import io.headwater.kafka.errors.ThreadReplacingHandler;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A Kafka Streams engine's readiness in words: ready only while RUNNING, and otherwise why not, so an operator
 * reading {@code /q/health/ready} knows whether to wait (restoring) or to look (threads died). The last stream
 * thread that died is shown even while its replacement runs. Kafka's own check only looks at the topics, and
 * Kafka and the registry have checks of their own. Abstract, so no bean in ingest, which has no Streams engine:
 * each Streams service names its check in a subclass.
 */
public abstract class StreamsEngineReadiness implements HealthCheck {

    private final String name;
    private final KafkaStreams streams;
    private final ThreadReplacingHandler threads;

    protected StreamsEngineReadiness(String name, KafkaStreams streams, ThreadReplacingHandler threads) {
        this.name = name;
        this.streams = streams;
        this.threads = threads;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).withData("meaning", meaning(state));
        ThreadReplacingHandler.Failure failure = threads.lastFailure();
        if (failure != null) {
            response.withData("lastThreadFailure", failure.at() + " " + failure.what());
        }
        return response.build();
    }

    static String meaning(KafkaStreams.State state) {
        return switch (state) {
            case CREATED -> "not started yet";
            case REBALANCING -> "partitions are being assigned or state stores restored from their changelogs; it becomes ready by itself";
            case RUNNING -> "processing";
            case PENDING_SHUTDOWN, NOT_RUNNING -> "stopping or stopped";
            case PENDING_ERROR, ERROR -> "stream threads kept dying and the engine stopped; the process restarts (see lastThreadFailure and the log)";
        };
    }
}
