package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One real Spark event pair from HTTP to an answer, through all three services and the registry:
 * ingest puts it on Kafka as Avro, lineage-streams folds it into graph topics, query-service
 * answers Marquez's lineage question from its stores.
 */
class SparkEventEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    @Test
    void aSparkStartAndCompleteBecomeLineage() throws Exception {
        assertThat(post("0002-job1-sql-START.json")).isEqualTo(201);
        assertThat(post("0008-job1-sql-COMPLETE.json")).isEqualTo(201);

        String output = "dataset:file:/srv/spark-demo/data/out/revenue_by_country";
        String job = "job:spike:spike_job1.adaptive_spark_plan.out_revenue_by_country";
        String orders = "dataset:file:/srv/spark-demo/data/in/orders.csv";
        String customers = "dataset:file:/srv/spark-demo/data/in/customers.csv";

        AtomicReference<JsonNode> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response response = PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/lineage?nodeId=" + Http.encode(output) + "&depth=2");
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(ids(body)).containsExactly(customers, orders, output, job);
            answer.set(body);
        });

        JsonNode graph = answer.get().get("graph");
        JsonNode jobNode = find(graph, job);
        assertThat(jobNode.get("type").asText()).isEqualTo("JOB");
        assertThat(jobNode.at("/data/id/namespace").asText()).isEqualTo("spike");
        assertThat(edges(jobNode.get("inEdges"), "origin")).containsExactly(customers, orders);
        assertThat(edges(jobNode.get("outEdges"), "destination")).containsExactly(output);
        JsonNode outputNode = find(graph, output);
        assertThat(outputNode.get("type").asText()).isEqualTo("DATASET");
        assertThat(edges(outputNode.get("inEdges"), "origin")).containsExactly(job);

        // Upstream only from the job: its inputs, not its output.
        Http.Response upstream = PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/lineage?nodeId=" + Http.encode(job) + "&depth=1&direction=upstream");
        assertThat(ids(upstream.json())).containsExactly(customers, orders, job);
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        Http.Response response = PLATFORM.ingest("/api/v1/lineage", "{\"eventType\": \"START\",");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void anUnknownNodeIsA404Problem() throws Exception {
        Http.Response response = PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/lineage?nodeId=" + Http.encode("dataset:nowhere:nothing"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("dataset:nowhere:nothing");
    }

    @Test
    void aDecisionIsLinkedToTheModelVersionOnceItsTrainingRunCompletes() throws Exception {
        String decision = """
                {"decisionId":"e2e-d-1","modelName":"churn","modelVersion":"7","decisionTime":"2026-11-26T10:15:00Z","output":{"churn":true}}""";
        assertThat(PLATFORM.ingest("/api/v1/decisions", decision).expect(201).status()).isEqualTo(201);
        String runId = "3b9d6c1e-8f2a-4d5b-9c7e-0a1b2c3d4e5f";
        String facet = "\"_producer\":\"https://example.com/trainer\",\"_schemaURL\":\"https://headwater.dev/spec/facets/1-0-0/";
        String training = """
                {"eventType":"%s","eventTime":"%s","producer":"https://example.com/trainer",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"%s"},"job":{"namespace":"ml","name":"churn-train"},
                 "inputs":[{"namespace":"s3://data","name":"customers","inputFacets":{"headwater_datasetRole":{%sHeadwaterDatasetRoleInputDatasetFacet.json","role":"training"}}}],
                 "outputs":[{"namespace":"s3://models","name":"churn/7","facets":{"headwater_modelArtifact":{%sHeadwaterModelArtifactDatasetFacet.json","name":"churn","version":"7","uri":"s3://models/churn/7"}}}]}""";
        assertThat(PLATFORM.ingest("/api/v1/lineage", training.formatted("START", "2026-11-20T09:00:00Z", runId, facet, facet)).expect(201).status()).isEqualTo(201);
        assertThat(PLATFORM.ingest("/api/v1/lineage", training.formatted("COMPLETE", "2026-11-20T10:00:00Z", runId, facet, facet)).expect(201).status()).isEqualTo(201);

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, io.headwater.avro.LinkedDecision>> linked = io.headwater.testkit.TopicReader.avro(
                PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(), io.headwater.contract.Topics.DECISIONS_LINKED.name(),
                io.headwater.avro.LinkedDecision.class,
                read -> read.stream().anyMatch(r -> r.key().equals("e2e-d-1") && r.value().getModelVersionKnown()), Duration.ofSeconds(60));
        io.headwater.avro.LinkedDecision last = linked.stream().filter(r -> r.key().equals("e2e-d-1")).reduce((a, b) -> b).orElseThrow().value();
        assertThat(last.getModelVersionKnown()).isTrue();
        assertThat(last.getModelVersionId()).isEqualTo("model:churn#7");
        assertThat(last.getTrainingRunId()).isEqualTo("run:" + runId);
    }

    /**
     * Earlier versions of ingest keyed a run's events by its root run (here the Spark application). A run
     * whose START was written that way and whose COMPLETE comes through today's ingest (keyed by the run),
     * on partitions chosen to differ, is still folded in one task: one history with both events, on one
     * partition of the run-history changelog, and the run answers COMPLETE with both times.
     */
    @Test
    void aStartKeyedByItsRootRunAsEarlierVersionsWroteItFoldsWithTheCompleteIngestKeysByRun() throws Exception {
        int partitions;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.<String, Object>of("bootstrap.servers", PLATFORM.platform().kafka.bootstrapServers()))) {
            partitions = admin.describeTopics(List.of(io.headwater.contract.Topics.LINEAGE.name())).allTopicNames().get()
                    .get(io.headwater.contract.Topics.LINEAGE.name()).partitions().size();
        }
        assertThat(partitions).as("a platform whose lineage topic has more than one partition").isGreaterThan(1);
        String application = java.util.UUID.randomUUID().toString();
        String run;
        do {
            run = java.util.UUID.randomUUID().toString();
        } while (partitionOf(run, partitions) == partitionOf(application, partitions));
        String start = withIds("0002-job1-sql-START.json", run, application);
        String complete = withIds("0008-job1-sql-COMPLETE.json", run, application);

        io.headwater.avro.LineageEvent oldStart = new io.headwater.openlineage.LineageEventNormalizer().normalize(JSON.readTree(start), start, java.time.Instant.now());
        io.headwater.kafka.serde.AvroSerializer<io.headwater.avro.LineageEvent> serializer =
                new io.headwater.kafka.serde.AvroSerializer<>(new io.headwater.kafka.registry.SchemaRegistryClient(PLATFORM.platform().registry.url()));
        serializer.configure(java.util.Map.of(), false);
        try (org.apache.kafka.clients.producer.KafkaProducer<String, io.headwater.avro.LineageEvent> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                java.util.Map.<String, Object>of("bootstrap.servers", PLATFORM.platform().kafka.bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(), serializer)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.headwater.contract.Topics.LINEAGE.name(), application, oldStart)).get();
        }
        assertThat(PLATFORM.http().send("POST", PLATFORM.ingestUrl("/api/v1/lineage"), complete, "Content-Type", "application/json").status()).isEqualTo(201);

        String runId = run;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response response = PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/runs/" + runId);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("state").asText()).isEqualTo("COMPLETE");
            assertThat(java.time.Instant.parse(response.json().get("startTime").asText())).isEqualTo(java.time.Instant.parse(JSON.readTree(start).get("eventTime").asText()));
            assertThat(java.time.Instant.parse(response.json().get("endTime").asText())).isEqualTo(java.time.Instant.parse(JSON.readTree(complete).get("eventTime").asText()));
        });
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, io.headwater.avro.RunHistory>> histories = io.headwater.testkit.TopicReader.avro(
                PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(), "headwater-lineage-streams-run-histories-changelog",
                io.headwater.avro.RunHistory.class, read -> read.stream().anyMatch(r -> r.key().equals(runId) && r.value() != null && r.value().getEvents().size() == 2),
                Duration.ofSeconds(30));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, io.headwater.avro.RunHistory>> ofRun = histories.stream().filter(r -> r.key().equals(runId)).toList();
        assertThat(ofRun).extracting(org.apache.kafka.clients.consumer.ConsumerRecord::partition).as("the run's history lives in one task").containsOnly(partitionOf(run, partitions));
        assertThat(ofRun.get(ofRun.size() - 1).value().getEvents()).hasSize(2);
    }

    /** The partition Kafka's default partitioner (and Kafka Streams') gives a string key. */
    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A captured Spark event with its run and its application (parent and root run) renamed. */
    private static String withIds(String fixture, String run, String application) {
        return new String(Fixtures.read("spark-captured", fixture), StandardCharsets.UTF_8)
                .replace("01a215d8-b242-752e-8681-58dc1af79577", run).replace("01a215d8-70a7-765b-8dea-eb0dc7184b78", application);
    }

    /** A captured event as Spark's HTTP transport sends it (charset in the content type). */
    private static int post(String fixture) {
        return PLATFORM.http().send("POST", PLATFORM.ingestUrl("/api/v1/lineage"), new String(Fixtures.read("spark-captured", fixture), StandardCharsets.UTF_8),
                "Content-Type", "application/json; charset=UTF-8").status();
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("graph").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode graph, String id) {
        for (JsonNode node : graph) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + graph);
    }

    private static List<String> edges(JsonNode edges, String end) {
        List<String> ids = new ArrayList<>();
        edges.forEach(e -> ids.add(e.get(end).asText()));
        return ids;
    }
}
