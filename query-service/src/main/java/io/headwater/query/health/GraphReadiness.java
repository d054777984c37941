package io.headwater.query.health;

import io.headwater.health.StreamsEngineReadiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the graph replica is loaded and queryable (Kafka Streams RUNNING), and why not otherwise. */
@Readiness
@Singleton
public class GraphReadiness extends StreamsEngineReadiness {

    public GraphReadiness(KafkaStreams streams, StreamThreadRecovery threads) {
        super("graph-replica", streams, threads);
    }
}
