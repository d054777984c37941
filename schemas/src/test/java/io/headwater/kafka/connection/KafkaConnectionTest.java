package io.headwater.kafka.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaConnectionTest {

    @TempDir
    Path dir;

    private static KafkaConnection from(Map<String, String> config) {
        return KafkaConnection.from(new TreeMap<>(config).keySet(), name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void everyClientSettingIsTakenFromPropertiesOrTheEnvironment() {
        KafkaConnection kafka = from(Map.of("kafka.bootstrap.servers", "broker:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512", "KAFKA_CLIENT_ID", "ingest-1"));
        assertThat(kafka.settings()).containsEntry("bootstrap.servers", "broker:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("client.id", "ingest-1");
    }

    @Test
    void namesThatAreNoKafkaClientSettingStayOut() {
        KafkaConnection kafka = from(Map.of("kafka.bootstrap.servers", "b:1", "kafka-streams.state.dir", "/x", "KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1",
                "KAFKA_HOME", "/opt/kafka", "kafka.not.a.setting", "x", "headwater.ingest.max-batch-events", "5"));
        assertThat(kafka.settings()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void aSettingEndingInFileIsReadFromThatFileAndWinsOverTheSettingItself() throws IOException {
        Path jaas = Files.writeString(dir.resolve("jaas"), "ScramLoginModule required username=\"u\" password=\"p4ss\";\n");
        KafkaConnection kafka = from(Map.of("kafka.bootstrap.servers", "b:1", "kafka.sasl.jaas.config", "stale",
                "KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString()));
        assertThat(kafka.settings()).containsEntry("sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"p4ss\";")
                .doesNotContainKey("sasl.jaas.config.file");
    }

    @Test
    void aMissingSecretFileIsNamedWithoutItsContent() {
        assertThatThrownBy(() -> from(Map.of("kafka.bootstrap.servers", "b:1", "kafka.ssl.truststore.password.file", dir.resolve("nope").toString())))
                .hasMessageContaining("nope");
    }

    @Test
    void whatTheServiceSetsForCorrectnessWinsOverConfiguration() {
        KafkaConnection kafka = from(Map.of("kafka.bootstrap.servers", "b:1", "kafka.acks", "0"));
        assertThat(kafka.with(Map.of("acks", "all"))).containsEntry("acks", "all").containsEntry("bootstrap.servers", "b:1");
    }

    @Test
    void secretsAreNeverShown() {
        KafkaConnection kafka = from(Map.of("kafka.bootstrap.servers", "b:1", "kafka.sasl.jaas.config", "password=\"hunter2\"",
                "kafka.ssl.truststore.password", "changeit", "kafka.security.protocol", "SASL_SSL"));
        assertThat(kafka.toString()).doesNotContain("hunter2", "changeit").contains("SASL_SSL", "sasl.jaas.config=[hidden]");
    }

    @Test
    void noBootstrapServersIsAClearError() {
        assertThatThrownBy(() -> from(Map.of("kafka.security.protocol", "SSL"))).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
