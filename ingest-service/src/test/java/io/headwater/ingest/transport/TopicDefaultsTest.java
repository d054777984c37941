package io.headwater.ingest.transport;

import io.headwater.contract.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport topics' defaults stay in application.properties, where an operator can unset one (an
 * unset topic is not read), and are held here to the contract's names.
 */
class TopicDefaultsTest {

    @Test
    void theTopicsIngestReadsByDefaultAreTheContractsInputTopics() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("headwater.ingest.kafka.openlineage-topic")).isEqualTo(Topics.OPENLINEAGE_IN.name());
        assertThat(properties.getProperty("headwater.ingest.kafka.decisions-topic")).isEqualTo(Topics.DECISIONS_IN.name());
        assertThat(properties.getProperty("headwater.ingest.kafka.monitoring-topic")).isEqualTo(Topics.MONITORING_IN.name());
    }
}
