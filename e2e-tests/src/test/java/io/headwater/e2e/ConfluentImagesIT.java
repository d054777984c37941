package io.headwater.e2e;

import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged services against Confluent's own Kafka and Schema Registry images, where a Docker engine
 * exists; JUnit reports it skipped where none does (as on the machine this was written on). The embedded
 * path (every other IT) is the one that always runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentImagesIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer("confluentinc/cp-kafka:7.8.0")
            .withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.8.0")
            .withNetwork(NETWORK).dependsOn(KAFKA).withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @Test
    void sparkEventsBecomeTheGraphThroughConfluentsKafkaAndRegistry() throws Exception {
        String registry = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        try (LocalPlatform platform = LocalPlatform.against(KAFKA.getBootstrapServers(), registry, LocalPlatform.SMALL_JVM)) {
            Http http = new Http();
            for (Path event : Fixtures.events("spark-captured")) {
                http.post(platform.ingest.url() + "/api/v1/lineage", Files.readString(event)).expect(201);
            }
            String revenue = NodeId.dataset("file", "/srv/spark-demo/data/out/revenue_by_country").value();
            http.await(platform.query.url() + "/api/v1/lineage?nodeId=" + Http.encode(revenue), answer -> answer.path("graph").size() >= 3,
                    Duration.ofSeconds(120));
            assertThat(http.get(registry + "/subjects").expect(200).body()).contains("headwater.lineage.v1");
        }
    }
}
