package io.headwater.ingest.kafka;

import io.headwater.kafka.registry.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One registry client per service, so schema ids are looked up once. */
@ApplicationScoped
public class RegistryClientProducer {

    @Produces
    @ApplicationScoped
    SchemaRegistryClient registryClient(@ConfigProperty(name = "headwater.schema-registry.url") String url) {
        return new SchemaRegistryClient(url);
    }
}
