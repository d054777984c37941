package io.headwater.ingest.kafka;

import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * One registry client per service, so schema ids are looked up once, and one Kafka connection (SASL, TLS
 * and any other client setting from kafka.* / KAFKA_*) that every producer and consumer starts from.
 */
@ApplicationScoped
public class RegistryClientProducer {

    @Produces
    @ApplicationScoped
    SchemaRegistryClient registryClient(Config config) {
        return SchemaRegistryClient.from(config, Duration.ofSeconds(10));
    }

    @Produces
    @Singleton
    KafkaConnection kafkaConnection(Config config) {
        return KafkaConnection.from(config);
    }

}
