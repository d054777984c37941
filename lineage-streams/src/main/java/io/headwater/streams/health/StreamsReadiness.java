package io.headwater.streams.health;

import io.headwater.health.StreamsEngineReadiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the topology is processing (Kafka Streams RUNNING, state restored), and why not otherwise. */
@Readiness
@Singleton
public class StreamsReadiness extends StreamsEngineReadiness {

    public StreamsReadiness(KafkaStreams streams, StreamThreadRecovery threads) {
        super("graph-builder", streams, threads);
    }
}
