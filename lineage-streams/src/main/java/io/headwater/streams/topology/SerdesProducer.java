package io.headwater.streams.topology;

import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.TopicSerdes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's serdes, all through one registry client. */
public class SerdesProducer {

    @Produces
    @Singleton
    TopicSerdes serdes(@ConfigProperty(name = "headwater.schema-registry.url") String registryUrl) {
        return new TopicSerdes(new SchemaRegistryClient(registryUrl));
    }
}
