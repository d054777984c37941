package io.headwater.query.streams;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * The service's one registry client and one Kafka connection for the clients it builds itself (webhook
 * subscriptions and deliveries). Kafka Streams gets the same settings as kafka-streams.* from KafkaStreamsConnection.
 */
@jakarta.enterprise.context.ApplicationScoped
public class Connections {


    @Produces
    @Singleton
    KafkaConnection kafka(Config config) {
        return KafkaConnection.from(config);
    }

    /** Stops the start when a topic the replica needs is missing or misconfigured (RequiredTopicsCheck). */
    void atStart(@Observes StartupEvent event, KafkaConnection kafka) {
        new RequiredTopics().verifyAtStart("query-service", kafka);
    }

    @Produces
    @Singleton
    SchemaRegistryClient registry(Config config) {
        return SchemaRegistryClient.from(config, Duration.ofSeconds(10));
    }
}
