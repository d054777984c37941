package io.headwater.schemaregistry.store;

import io.headwater.kafka.connection.KafkaConnection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** How the registry reaches the Kafka that holds its schema log: kafka.* / KAFKA_* client settings, secrets as files. */
public class KafkaConnectionProducer {

    private static final Logger LOG = Logger.getLogger(KafkaConnectionProducer.class);

    @Produces
    @Singleton
    KafkaConnection kafka(Config config) {
        KafkaConnection connection = KafkaConnection.from(config);
        LOG.infof("Kafka: %s", connection);
        return connection;
    }
}
