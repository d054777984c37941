package io.headwater.ingest;

import io.headwater.avro.LineageEvent;
import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.headwater.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture through the running service and the real broker: the real producers' events are
 * accepted and read back from Kafka as Avro with their raw JSON intact; the templated dbt expectations and
 * the synthetic serde event (which Marquez 0.51.1 also refuses) get a 422 saying why.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class AllFixturesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "headwater.schema-registry.url")
    String registryUrl;

    @Test
    void realEventsAreStoredAndTemplatedOnesRefusedWithAReason() throws IOException {
        Map<String, String> acceptedIdByFile = new HashMap<>();
        Map<String, String> rawByFile = new HashMap<>();
        for (String set : List.of("spark-captured", "spark", "airflow", "dbt", "flink", "trino", "composed")) {
            for (Path file : Fixtures.events(set)) {
                String name = set + "/" + file.getFileName();
                byte[] body = Files.readAllBytes(file);
                Response response = given().contentType("application/json").body(body).post("/api/v1/lineage");
                boolean templated = file.getFileName().toString().startsWith("dbt-run-") || file.getFileName().toString().startsWith("serde-synthetic");
                if (templated) {
                    assertThat(response.statusCode()).as(name).isEqualTo(422);
                    assertThat(response.jsonPath().getList("errors.pointer", String.class)).as(name).contains("/producer");
                    assertThat(response.jsonPath().getString("detail")).as(name).contains("/producer");
                } else {
                    assertThat(response.statusCode()).as(name + ": " + response.body().asString()).isEqualTo(201);
                    acceptedIdByFile.put(name, response.header("X-Headwater-Event-Id"));
                    rawByFile.put(name, new String(body, StandardCharsets.UTF_8));
                }
            }
        }
        // Spark captured, Spark, Airflow; the real dbt 1.40 events, Flink, Trino and the composed facet events.
        assertThat(acceptedIdByFile).hasSize(10 + 20 + 13 + 2 + 1 + 1 + 2);

        // Identical Spark app events (same run, type, time, producer) share an id; count distinct ids.
        long distinct = acceptedIdByFile.values().stream().distinct().count();
        Map<String, LineageEvent> stored = new HashMap<>();
        TopicReader.avro(bootstrap, registryUrl, Topics.LINEAGE.name(), LineageEvent.class, read -> {
            read.forEach(r -> stored.put(r.value().getEventId(), r.value()));
            return stored.keySet().containsAll(acceptedIdByFile.values());
        }, Duration.ofSeconds(30));
        assertThat(stored.keySet()).containsAll(acceptedIdByFile.values());
        assertThat(distinct).isGreaterThan(40);
        acceptedIdByFile.forEach((file, id) -> {
            LineageEvent event = stored.get(id);
            assertThat(event.getProducer()).as(file).isNotBlank();
            // Unknown facets are kept verbatim in rawJson.
            assertThat(event.getRawJson()).as(file).isEqualTo(rawByFile.get(file));
        });
        Map<String, Long> byProducer = stored.values().stream().collect(Collectors.groupingBy(e -> e.getProducer().contains("airflow") ? "airflow" : "spark", Collectors.counting()));
        assertThat(byProducer).containsKeys("airflow", "spark");
    }
}
