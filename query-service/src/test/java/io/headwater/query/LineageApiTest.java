package io.headwater.query;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeId;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The Marquez-shaped lineage endpoint over a graph written to the real graph topics: a chain
 * raw → clean → report with two jobs, and a namespace holding colons, as Marquez ids allow.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class LineageApiTest {

    private static final String NS = "postgres://db:5432";
    private static final String RAW = NodeId.dataset(NS, "public.raw").value();
    private static final String CLEAN = NodeId.dataset(NS, "public.clean").value();
    private static final String REPORT = NodeId.dataset(NS, "public.report").value();
    private static final String CLEANER = NodeId.job("etl", "cleaner").value();
    private static final String REPORTER = NodeId.job("etl", "reporter").value();
    private static final String RUN_ID = "0b6c7d8e-1f20-4a31-9b42-c5d6e7f80912";
    private static final String RUN = NodeId.run(RUN_ID).value();
    private static final String MODEL = NodeId.model("churn").value();
    private static final String MODEL_VERSION = NodeId.modelVersion("churn", "7").value();
    private static final String CLEAN_V1 = NodeId.datasetVersion(NS, "public.clean", "v1").value();
    private static boolean written;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "headwater.schema-registry.url")
    String registryUrl;

    @BeforeEach
    void writeGraph() {
        if (written) {
            return;
        }
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new SchemaRegistryClient(registryUrl));
        serializer.configure(Map.of(), false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), serializer)) {
            for (String[] node : List.of(new String[]{RAW, "public.raw"}, new String[]{CLEAN, "public.clean"}, new String[]{REPORT, "public.report"})) {
                producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), node[0], GraphNode.newBuilder().setId(node[0]).setKind(NodeKind.DATASET)
                        .setNamespace(NS).setName(node[1]).setFirstSeen(t).setLastSeen(t).build()));
            }
            for (String[] job : List.of(new String[]{CLEANER, "cleaner"}, new String[]{REPORTER, "reporter"})) {
                producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), job[0], GraphNode.newBuilder().setId(job[0]).setKind(NodeKind.JOB)
                        .setNamespace("etl").setName(job[1]).setFirstSeen(t).setLastSeen(t).build()));
            }
            for (String[] edge : List.of(new String[]{RAW, "INPUT_TO", CLEANER}, new String[]{CLEANER, "OUTPUT_OF", CLEAN},
                    new String[]{CLEAN, "INPUT_TO", REPORTER}, new String[]{REPORTER, "OUTPUT_OF", REPORT})) {
                EdgeKind kind = EdgeKind.valueOf(edge[1]);
                String id = EdgeId.of(edge[0], kind, edge[2]).value();
                producer.send(new ProducerRecord<>(Topics.GRAPH_EDGES.name(), id, GraphEdge.newBuilder().setId(id).setKind(kind)
                        .setSource(edge[0]).setTarget(edge[2]).setValidFrom(t).build()));
            }
            // A run of the cleaner, the model version it trained, its model, and a version of the clean dataset.
            producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), RUN, GraphNode.newBuilder().setId(RUN).setKind(NodeKind.RUN)
                    .setNamespace("etl").setName(RUN_ID).setFirstSeen(t).setLastSeen(t).setAttributes(Map.of("job", CLEANER)).build()));
            producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), MODEL_VERSION, GraphNode.newBuilder().setId(MODEL_VERSION)
                    .setKind(NodeKind.MODEL_VERSION).setName("churn#7").setFirstSeen(t).setLastSeen(t).setAttributes(Map.of("trainingRun", RUN)).build()));
            producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), MODEL, GraphNode.newBuilder().setId(MODEL)
                    .setKind(NodeKind.MODEL).setName("churn").setFirstSeen(t).setLastSeen(t).build()));
            String versionOf = EdgeId.of(MODEL_VERSION, EdgeKind.VERSION_OF, MODEL).value();
            producer.send(new ProducerRecord<>(Topics.GRAPH_EDGES.name(), versionOf, GraphEdge.newBuilder().setId(versionOf).setKind(EdgeKind.VERSION_OF)
                    .setSource(MODEL_VERSION).setTarget(MODEL).setValidFrom(t).build()));
            producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), CLEAN_V1, GraphNode.newBuilder().setId(CLEAN_V1)
                    .setKind(NodeKind.DATASET_VERSION).setNamespace(NS).setName("public.clean#v1").setFirstSeen(t).setLastSeen(t)
                    .setAttributes(Map.of("dataset", CLEAN, "version", "v1")).build()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("nodeId", REPORT).get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", hasItem(RAW)));
        written = true;
    }

    /** The ConfigSource is found at run time: the service waits for the contract's topics without a list in its properties. */
    @Test
    void theTopicsItWaitsForComeFromTheContract() {
        String key = io.headwater.kafka.streams.RequiredTopicsConfigSource.KEY;
        org.assertj.core.api.Assertions.assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(key, String.class))
                .isEqualTo(new io.headwater.query.streams.RequiredTopics().getValue(key))
                .contains(io.headwater.contract.Topics.GRAPH_NODES.name());
    }

    @Test
    void bothDirectionsByDefaultSortedByIdInMarquezShape() {
        given().queryParam("nodeId", CLEAN).get("/api/v1/lineage")
                .then().statusCode(200)
                .body("graph.id", contains(CLEAN, RAW, REPORT, CLEANER, REPORTER))
                .body("graph.find { it.id == '" + CLEANER + "' }.type", equalTo("JOB"))
                .body("graph.find { it.id == '" + CLEANER + "' }.inEdges[0].origin", equalTo(RAW))
                .body("graph.find { it.id == '" + CLEANER + "' }.outEdges[0].destination", equalTo(CLEAN))
                .body("graph.find { it.id == '" + CLEAN + "' }.data.id.namespace", equalTo(NS));
    }

    @Test
    void aRunAModelOrAVersionAnswersWithTheLineageOfWhatStandsForIt() {
        // A run and the model it trained: the job that ran; upstream, what it read.
        for (String node : List.of(RUN, MODEL_VERSION, MODEL)) {
            given().queryParam("nodeId", node).queryParam("direction", "upstream").get("/api/v1/lineage")
                    .then().statusCode(200).body("graph.id", contains(RAW, CLEANER));
        }
        // A dataset version that is a node: its dataset's lineage.
        given().queryParam("nodeId", CLEAN).queryParam("version", "v1").queryParam("direction", "upstream").get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, RAW, CLEANER));
    }

    @Test
    void directionAndDepthNarrowTheAnswer() {
        given().queryParam("nodeId", CLEAN).queryParam("direction", "upstream").get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, RAW, CLEANER));
        given().queryParam("nodeId", CLEAN).queryParam("direction", "downstream").queryParam("depth", 1).get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, REPORTER))
                // The reporter's output lies beyond: the answer says so.
                .body("partial", equalTo(true)).body("partialReason", containsString("depth"));
        given().queryParam("nodeId", CLEAN).queryParam("direction", "downstream").queryParam("depth", 5).get("/api/v1/lineage")
                .then().statusCode(200).body("partial", org.hamcrest.Matchers.nullValue());
        given().queryParam("nodeId", REPORT + "#some-version").queryParam("depth", 2).get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, REPORT, REPORTER));
        // The version apart from the id: the same answer, with no '#' to escape.
        given().queryParam("nodeId", REPORT).queryParam("version", "some-version").queryParam("depth", 2).get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, REPORT, REPORTER));
        given().queryParam("nodeId", REPORT + "#v1").queryParam("version", "v2").get("/api/v1/lineage")
                .then().statusCode(400).body("errors[0].pointer", equalTo("version"));
    }

    @Test
    void unknownNodesAndBadParametersAreProblems() {
        given().queryParam("nodeId", "dataset:nowhere:nothing").get("/api/v1/lineage")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("dataset:nowhere:nothing"));
        given().queryParam("nodeId", CLEAN).queryParam("direction", "sideways").get("/api/v1/lineage")
                .then().statusCode(400).body("errors[0].pointer", equalTo("direction"));
        given().get("/api/v1/lineage").then().statusCode(400).body("errors[0].pointer", equalTo("nodeId"));
        given().queryParam("nodeId", CLEAN).queryParam("depth", -1).get("/api/v1/lineage").then().statusCode(400);
        // Not a number: a 400 naming the parameter (JAX-RS would answer 404), on every endpoint that takes one.
        given().queryParam("nodeId", CLEAN).queryParam("depth", "abc").get("/api/v1/lineage")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo("depth"));
        given().queryParam("nodeId", CLEAN).queryParam("depth", "1.5").get("/api/v1/column-lineage")
                .then().statusCode(400).body("errors[0].pointer", equalTo("depth"));
        given().get("/api/v1/decisions/x/provenance?depth=deep").then().statusCode(400).body("errors[0].pointer", equalTo("depth"));
        given().get("/api/v1/models?limit=ten").then().statusCode(400).body("errors[0].pointer", equalTo("limit"));
        given().queryParam("nodeId", RAW).queryParam("limit", "x").get("/api/v1/impact").then().statusCode(400).body("errors[0].pointer", equalTo("limit"));
        // An over-long URL: a 414 with a problem body, not an empty one.
        given().queryParam("nodeId", "dataset:x:" + "y".repeat(20_000)).get("/api/v1/lineage")
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414)).body("detail", containsString("characters"));
    }

    @Test
    void healthMetricsAndOpenApi() {
        // Ready once the decision partitions are assigned too (the first rebalance takes a few seconds).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(containsString("graph-replica")));
        given().get("/q/metrics").then().statusCode(200);
        // The web UI: / leads to it, every /ui/... address is its shell (with a strict CSP), its scripts and the WebJars are served.
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/ui/"));
        given().get("/ui/decisions/d-1").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'")).body(containsString("/assets/ui/app.js"));
        given().get("/assets/ui/pages.js").then().statusCode(200).body(containsString("export async function decision"));
        given().get("/webjars/dagre/0.8.4/dist/dagre.min.js").then().statusCode(200);
        given().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
        given().get("/assets/ui/favicon.svg").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/lineage"), containsString("/api/v1/decisions/{decisionId}/provenance"),
                containsString("/api/v1/runs/compare"), containsString("/api/v1/impact"), containsString("/api/v1/column-lineage"));
    }

    @Test
    void asOfHidesWhatWasNotKnownThen() {
        given().queryParam("nodeId", CLEAN).queryParam("asOf", "2026-11-26T09:00:00Z").get("/api/v1/lineage")
                .then().statusCode(404);
        given().queryParam("nodeId", CLEAN).queryParam("asOf", "2026-11-26T10:00:00Z").get("/api/v1/lineage")
                .then().statusCode(200).body("graph.id", contains(CLEAN, RAW, REPORT, CLEANER, REPORTER));
        given().queryParam("nodeId", CLEAN).queryParam("asOf", "last tuesday").get("/api/v1/lineage")
                .then().statusCode(400).body("errors[0].pointer", equalTo("asOf"));
    }

    @Test
    void everyEndpointAnswersUnknownIdsAndBadParametersWithProblems() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/decisions/no-such-decision").then().log().ifValidationFails().statusCode(404).contentType("application/problem+json")
                        .body("detail", containsString("no-such-decision")));
        given().get("/api/v1/decisions/no-such-decision/provenance").then().statusCode(404);
        given().get("/api/v1/decisions/x/provenance?depth=-2").then().statusCode(400).body("errors[0].pointer", equalTo("depth"));
        given().get("/api/v1/runs/3b9d6c1e-0000-4d5b-9c7e-0a1b2c3d4e5f").then().statusCode(404);
        given().get("/api/v1/runs/compare?ids=a").then().statusCode(400).body("errors[0].pointer", equalTo("ids"));
        given().get("/api/v1/runs/compare").then().statusCode(400).body("errors[0].pointer", equalTo("ids"));
        given().get("/api/v1/models/none/versions/1").then().statusCode(404);
        given().get("/api/v1/models?limit=0").then().statusCode(400).body("errors[0].pointer", equalTo("limit"));
        given().get("/api/v1/search").then().statusCode(400).body("errors[0].pointer", equalTo("q"));
        given().get("/api/v1/search?q=public.cl").then().statusCode(200).body("results.nodeId", contains(CLEAN));
        given().get("/api/v1/impact").then().statusCode(400).body("errors[0].pointer", equalTo("nodeId"));
        given().queryParam("nodeId", RAW).get("/api/v1/impact").then().statusCode(200).body("decisionCount", equalTo(0));
        given().queryParam("nodeId", RAW).queryParam("cursor", "garbage").get("/api/v1/impact").then().statusCode(400);
        given().queryParam("nodeId", CLEANER).get("/api/v1/column-lineage").then().statusCode(400).body("errors[0].pointer", equalTo("nodeId"));
    }
}
