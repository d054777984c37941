package io.headwater.schemaregistry.store;

import io.headwater.contract.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry runs without the contract on its classpath; its default topic is held here to the contract's. */
class SchemaTopicTest {

    @Test
    void theRegistryKeepsItsSchemasOnTheContractsSchemaTopic() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("headwater.registry.topic")).isEqualTo(Topics.SCHEMAS.name());
    }
}
