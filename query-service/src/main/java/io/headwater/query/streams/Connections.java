package io.headwater.query.streams;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The service's one registry client and one Kafka connection for the clients it builds itself (webhook
 * subscriptions and deliveries). Kafka Streams gets the same settings as kafka-streams.* from KafkaStreamsConnection.
 */
public class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class);

    @Produces
    @Singleton
    KafkaConnection kafka(Config config) {
        KafkaConnection connection = KafkaConnection.from(config);
        LOG.infof("Kafka: %s", connection);
        return connection;
    }

    @Produces
    @Singleton
    SchemaRegistryClient registry(Config config) {
        return SchemaRegistryClient.from(config, Duration.ofSeconds(10));
    }
}
