package io.headwater.streams.topology;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.TopicSerdes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * The service's serdes, all through one registry client (URL, credentials and trust store from
 * headwater.schema-registry.*); and, at start, how Kafka Streams reaches the cluster (the kafka.* settings
 * KafkaStreamsConnection hands it as kafka-streams.*), secrets hidden.
 */
public class SerdesProducer {

    /** Logs how the engine reaches Kafka, and stops the start when a topic the topology needs is missing or misconfigured. */
    void atStart(@Observes StartupEvent event, Config config) {
        new RequiredTopics().verifyAtStart("lineage-streams", KafkaConnection.from(config));
    }

    @Produces
    @Singleton
    TopicSerdes serdes(Config config) {
        return new TopicSerdes(SchemaRegistryClient.from(config, Duration.ofSeconds(10)));
    }
}
