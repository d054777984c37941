package io.headwater.devstack;

import io.headwater.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void createsTopicsAndKeepsRecordsAcrossARestart() throws Exception {
        int port;
        try (EmbeddedKafka kafka = EmbeddedKafka.on(dataDir, 0, 0).start()) {
            port = kafka.port();
            kafka.createTopics(TopicLayout.defaults());
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).containsAll(Topics.allNames());
                Map<String, TopicDescription> described = admin.describeTopics(Set.of(Topics.SCHEMAS.name(), Topics.LINEAGE.name())).allTopicNames().get();
                assertThat(described.get(Topics.SCHEMAS.name()).partitions()).hasSize(1);
                assertThat(described.get(Topics.LINEAGE.name()).partitions()).hasSize(TopicLayout.defaults().partitions());
                ConfigResource nodes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GRAPH_NODES.name());
                assertThat(admin.describeConfigs(Set.of(nodes)).all().get().get(nodes).get("cleanup.policy").value()).isEqualTo("compact");
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.LINEAGE.name(), "run-1", "hello")).get();
            }
        }

        // Same directory, same port: the record written before the restart is still there.
        try (EmbeddedKafka kafka = EmbeddedKafka.on(dataDir, port, 0).start()) {
            assertThat(readAll(kafka.bootstrapServers(), Topics.LINEAGE.name())).containsExactly("run-1=hello");
        }
    }

    @Test
    void aPortInUseGivesAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.on(dataDir, taken.getLocalPort(), 0).start())
                    .isInstanceOf(EmbeddedKafka.PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.key() + "=" + record.value());
                }
            }
        }
        return values;
    }
}
