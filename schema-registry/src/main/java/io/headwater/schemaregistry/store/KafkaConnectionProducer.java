package io.headwater.schemaregistry.store;

import io.headwater.kafka.connection.KafkaConnection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** How the registry reaches the Kafka that holds its schema log: kafka.* / KAFKA_* client settings, secrets as files. */
public class KafkaConnectionProducer {


    @Produces
    @Singleton
    KafkaConnection kafka(Config config) {
        return KafkaConnection.from(config);
    }
}
