package io.headwater.streams.topology;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.TopicSerdes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The service's serdes, all through one registry client (URL, credentials and trust store from
 * headwater.schema-registry.*); and, at start, how Kafka Streams reaches the cluster (the kafka.* settings
 * KafkaStreamsConnection hands it as kafka-streams.*), secrets hidden.
 */
public class SerdesProducer {

    void logConnection(@Observes StartupEvent event, Config config) {
        Logger.getLogger(SerdesProducer.class).infof("Kafka: %s", KafkaConnection.from(config));
    }

    @Produces
    @Singleton
    TopicSerdes serdes(Config config) {
        return new TopicSerdes(SchemaRegistryClient.from(config, Duration.ofSeconds(10)));
    }
}
