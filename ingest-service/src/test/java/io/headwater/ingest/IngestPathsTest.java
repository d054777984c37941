package io.headwater.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.Decision;
import io.headwater.avro.DistributionKind;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.MonitoringStats;
import io.headwater.contract.Topics;
import io.headwater.ingest.kafka.DeadLetterPublisher;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.headwater.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Batches, gzip, bearer tokens, the Kafka transport, decisions and monitoring, each against the real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class IngestPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "headwater.schema-registry.url")
    String registryUrl;

    /** A real Spark event with a fresh run id, so each test's events are its own. */
    private static ObjectNode freshSparkEvent() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.read("spark-captured", "0002-job1-sql-START.json"));
        ((ObjectNode) event.get("run")).put("runId", UUID.randomUUID().toString());
        return event;
    }

    private List<LineageEvent> lineageForRuns(List<String> runIds) {
        return TopicReader.avro(bootstrap, registryUrl, Topics.LINEAGE.name(), LineageEvent.class,
                        read -> read.stream().filter(r -> r.value().getRun() != null).map(r -> r.value().getRun().getRunId()).toList().containsAll(runIds),
                        Duration.ofSeconds(30))
                // The topic is shared with other tests, whose JobEvents and DatasetEvents carry no run.
                .stream().map(ConsumerRecord::value).filter(e -> e.getRun() != null && runIds.contains(e.getRun().getRunId())).toList();
    }

    @Test
    void aGzippedBodyWithABearerTokenIsAccepted() throws IOException {
        ObjectNode event = freshSparkEvent();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(event.toString().getBytes(StandardCharsets.UTF_8));
        }
        given().contentType("application/json").header("Content-Encoding", "gzip").header("Authorization", "Bearer secret-token")
                .body(zipped.toByteArray())
                .post("/api/v1/lineage").then().statusCode(201);
        assertThat(lineageForRuns(List.of(event.at("/run/runId").asText()))).hasSize(1);
    }

    @Test
    void aBatchReportsEachEventAndStoresTheValidOnes() throws IOException {
        ObjectNode first = freshSparkEvent();
        ObjectNode second = freshSparkEvent();
        ObjectNode bad = freshSparkEvent();
        ((ObjectNode) bad.get("run")).put("runId", "not-a-uuid");
        ArrayNode batch = JSON.createArrayNode().add(first).add(bad).add(second);
        Response response = given().contentType("application/json").body(batch.toString()).post("/api/v1/lineage/batch");
        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.jsonPath().getInt("accepted")).isEqualTo(2);
        assertThat(response.jsonPath().getInt("rejected")).isEqualTo(1);
        assertThat(response.jsonPath().getString("results[1].status")).isEqualTo("rejected");
        assertThat(response.jsonPath().getList("results[1].errors.pointer", String.class)).contains("/1/run/runId");
        assertThat(response.jsonPath().getString("results[2].status")).isEqualTo("accepted");
        assertThat(lineageForRuns(List.of(first.at("/run/runId").asText(), second.at("/run/runId").asText()))).hasSize(2);
    }

    @Test
    void anNdjsonBatchIsAccepted() throws IOException {
        ObjectNode a = freshSparkEvent();
        ObjectNode b = freshSparkEvent();
        given().contentType("application/x-ndjson").body((a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/lineage/batch")
                .then().statusCode(201).body("accepted", equalTo(2)).body("results.status", hasItems("accepted"));
        List<LineageEvent> stored = lineageForRuns(List.of(a.at("/run/runId").asText(), b.at("/run/runId").asText()));
        assertThat(stored).extracting(LineageEvent::getRawJson).contains(a.toString(), b.toString());
    }

    @Test
    void eventsFromTheOpenLineageKafkaTransportAreIngestedAndBadOnesDeadLettered() throws IOException {
        ObjectNode good = freshSparkEvent();
        String bad = "{\"eventTime\": \"not json";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.OPENLINEAGE_IN.name(), "k1", good.toString().getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.OPENLINEAGE_IN.name(), "k2", bad.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(lineageForRuns(List.of(good.at("/run/runId").asText()))).singleElement()
                .satisfies(e -> assertThat(e.getRawJson()).isEqualTo(good.toString()));
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.raw(bootstrap, Topics.DEAD_LETTER.name(),
                read -> read.stream().anyMatch(r -> "k2".equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> "k2".equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(bad);
        assertThat(new String(letter.headers().lastHeader(DeadLetterPublisher.REASON).value(), StandardCharsets.UTF_8)).contains("not valid JSON");
        assertThat(new String(letter.headers().lastHeader(DeadLetterPublisher.SOURCE_TOPIC).value(), StandardCharsets.UTF_8)).isEqualTo(Topics.OPENLINEAGE_IN.name());
    }

    @Test
    void decisionsAreStoredKeyedByIdAndInvalidOnesNamed() {
        String decisions = """
                [{"decisionId":"d-1","modelName":"churn","modelVersion":"3","decisionTime":"2026-11-26T10:15:00Z",
                  "inputsHash":"sha256:abc","output":{"churn":true,"score":0.87},"subjectId":"c-42","metadata":{"requestId":"r-77"}},
                 {"decisionId":"d-2","modelName":"churn","modelVersion":"3","decisionTime":"2026-11-26T10:15:01Z","output":0.1}]""";
        given().contentType("application/json").body(decisions).post("/api/v1/decisions")
                .then().statusCode(201).body("accepted", equalTo(2)).body("ids", hasItems("d-1", "d-2"));
        List<ConsumerRecord<String, Decision>> stored = TopicReader.avro(bootstrap, registryUrl, Topics.DECISIONS.name(), Decision.class,
                read -> read.size() >= 2, Duration.ofSeconds(30));
        ConsumerRecord<String, Decision> d1 = stored.stream().filter(r -> r.key().equals("d-1")).findFirst().orElseThrow();
        assertThat(d1.value().getModelVersion()).isEqualTo("3");
        assertThat(d1.value().getOutputJson()).isEqualTo("{\"churn\":true,\"score\":0.87}");
        assertThat(d1.value().getMetadata()).containsEntry("requestId", "r-77");

        given().contentType("application/json")
                .body("[{\"decisionId\":\"d-3\",\"modelName\":\"churn\",\"modelVersion\":\"3\",\"decisionTime\":\"later\",\"output\":1},"
                        + "{\"decisionId\":\"d-4\",\"modelVersion\":\"3\",\"decisionTime\":\"2026-11-26T10:15:00Z\",\"output\":1}]")
                .post("/api/v1/decisions")
                .then().statusCode(422)
                // Each payload kind has its own problem type; a missing field is named where it belongs.
                .body("type", equalTo("https://headwater.dev/problems/invalid-decision"))
                .body("title", equalTo("The decision breaks its schema"))
                .body("errors.pointer", hasItems("/0/decisionTime", "/1/modelName"))
                .body("errors.detail", hasItem(containsString("modelName")));
    }

    @Test
    void monitoringWindowsAreStoredAndBrokenHistogramsNamed() {
        String window = """
                {"modelName":"churn","modelVersion":"3","windowStart":"2026-11-26T10:00:00Z","windowEnd":"2026-11-26T11:00:00Z",
                 "sampleCount":1000,"features":[{"feature":"age","kind":"NUMERIC","binEdges":[18,30,45,60,90],"counts":[210,340,280,170]},
                 {"feature":"plan","kind":"CATEGORICAL","categories":{"basic":600,"pro":400}}],
                 "prediction":{"feature":"__prediction__","kind":"CATEGORICAL","categories":{"true":130,"false":870}},
                 "qualityMetrics":{"accuracy":0.91}}""";
        given().contentType("application/json").body(window).post("/api/v1/monitoring").then().statusCode(201).body("accepted", equalTo(1));
        MonitoringStats stats = TopicReader.avro(bootstrap, registryUrl, Topics.MONITORING.name(), MonitoringStats.class,
                read -> !read.isEmpty(), Duration.ofSeconds(30)).get(0).value();
        assertThat(stats.getFeatures()).hasSize(2);
        assertThat(stats.getFeatures().get(0).getBinEdges()).containsExactly(18.0, 30.0, 45.0, 60.0, 90.0);
        assertThat(stats.getFeatures().get(1).getKind()).isEqualTo(DistributionKind.CATEGORICAL);
        assertThat(stats.getQualityMetrics()).containsEntry("accuracy", 0.91);

        String broken = window.replace("\"counts\":[210,340,280,170]", "\"counts\":[210,340,280]").replace("2026-11-26T11:00:00Z", "2026-11-26T09:00:00Z");
        given().contentType("application/json").body(broken).post("/api/v1/monitoring")
                .then().statusCode(422).body("errors.pointer", hasItems("/features/0/counts", "/windowEnd"))
                .body("type", equalTo("https://headwater.dev/problems/invalid-monitoring-window"));
    }

    @Test
    void metricsCountOutcomesPerIntegration() throws IOException {
        given().contentType("application/json").body(freshSparkEvent().toString()).post("/api/v1/lineage").then().statusCode(201);
        given().contentType("application/json").body("{}").post("/api/v1/lineage").then().statusCode(422);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("headwater_ingest_events_total{").contains("outcome=\"accepted\"").contains("outcome=\"rejected\"")
                .contains("integration=\"spark\"").doesNotContain("producer=")
                .contains("headwater_ingest_latency_seconds_bucket");
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'kafka' }.status", org.hamcrest.Matchers.equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/lineage/batch")).body(containsString("/api/v1/decisions"));
    }
}
