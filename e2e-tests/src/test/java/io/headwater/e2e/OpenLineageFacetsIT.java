package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newer OpenLineage facets, Flink and Trino, on the real platform: events from OpenLineage's own
 * integration tests and the spec's examples (fixtures/openlineage, SOURCES.md) are accepted over HTTP
 * and their symlinks, job types, tags, ownership, statistics, quality and static lineage show in answers.
 */
class OpenLineageFacetsIT {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    private static final String HIVE = "hive://metastore.payments:9083";
    private static final String RAW = NodeId.dataset(HIVE, "payments.raw_payments").value();
    private static final String DAILY = NodeId.dataset(HIVE, "payments.daily_payments").value();
    private static final String FX = NodeId.dataset(HIVE, "payments.fx_rates").value();
    private static final String JOB = NodeId.job("payments", "daily_payments_rollup").value();

    @BeforeAll
    static void sendTheFixtures() {
        List<Path> events = new ArrayList<>(Fixtures.events("spark").stream().filter(f -> !f.getFileName().toString().startsWith("serde-synthetic")).toList());
        events.add(Fixtures.dir("composed").resolve("static-daily_payments-JOB.json"));
        events.add(Fixtures.dir("composed").resolve("facets-daily_payments-COMPLETE.json"));
        events.addAll(Fixtures.events("flink"));
        events.addAll(Fixtures.events("trino"));
        events.add(Fixtures.dir("dbt").resolve("dbt-1.40-model-stg_orders-COMPLETE.json"));
        events.add(Fixtures.dir("dbt").resolve("dbt-1.40-test-raw_customers-COMPLETE.json"));
        for (Path event : events) {
            String json = new String(Fixtures.read(event.getParent().getFileName().toString(), event.getFileName().toString()), StandardCharsets.UTF_8);
            assertThat(PLATFORM.ingest("/api/v1/lineage", json).status()).as(event.getFileName().toString()).isEqualTo(201);
        }
    }

    @Test
    void aHiveTableAndItsStoragePathAreOneDatasetAndEitherNameFindsIt() {
        String table = NodeId.dataset("hive://dataproc-producer-test-m:9083", "default.t2").value();
        String path = NodeId.dataset("hdfs://dataproc-producer-test-m", "/user/hive/warehouse/t2").value();
        JsonNode dataset = eventually("/api/v1/datasets?nodeId=" + Http.encode(path), d -> assertThat(d.path("versions")).isNotEmpty());
        assertThat(dataset.get("nodeId").asText()).isEqualTo(table);
        assertThat(texts(dataset.get("aliases"))).containsExactly(path);
        JsonNode upstream = PLATFORM.query("/api/v1/lineage?depth=2&direction=upstream&nodeId=" + Http.encode(table)).expect(200).json();
        assertThat(ids(upstream)).contains(NodeId.dataset("hive://dataproc-producer-test-m:9083", "default.t1").value()).doesNotContain(path);
    }

    @Test
    void tagsOwnersTypeDocumentationAndCatalogAreShownAndSearchable() {
        JsonNode raw = eventually("/api/v1/datasets?nodeId=" + Http.encode(RAW), d -> assertThat(d.path("owners")).isNotEmpty());
        assertThat(texts(raw.get("owners"))).containsExactly("team:payments");
        assertThat(texts(raw.get("tags"))).containsExactly("slack_channel=#data-engineering-alerts");
        assertThat(raw.get("datasetType").asText()).isEqualTo("TABLE");
        assertThat(raw.at("/catalog/catalogFramework").asText()).isEqualTo("hive");
        JsonNode email = null;
        for (JsonNode field : raw.get("fields")) {
            if (field.get("name").asText().equals("email_address")) {
                email = field;
            }
        }
        assertThat(email).isNotNull();
        assertThat(texts(email.get("tags"))).containsExactly("pii=true");
        assertThat(PLATFORM.query("/api/v1/datasets?nodeId=" + Http.encode(DAILY)).expect(200).json().get("description").asText())
                .isEqualTo("Daily payment totals per counterparty.");

        assertThat(hits("team:payments")).contains(RAW);
        assertThat(hits("domain=fin")).contains(JOB);
        assertThat(hits("team:data-platform")).contains(JOB);
    }

    @Test
    void rowCountsAndQualityArePerDatasetVersion() {
        JsonNode daily = eventually("/api/v1/datasets?nodeId=" + Http.encode(DAILY), d -> assertThat(d.path("versions")).isNotEmpty());
        JsonNode version = daily.get("versions").get(0);
        assertThat(version.get("rowCount").asLong()).isEqualTo(3);
        assertThat(version.get("bytes").asLong()).isEqualTo(2048);
        assertThat(version.get("writtenBy").asText()).isEqualTo("run:019ad1c0-7a10-7f3e-b1a2-93c4d5e6f701");

        String customers = NodeId.dataset("postgres://localhost:5432", "dbt_test.main.raw_customers").value();
        JsonNode tested = eventually("/api/v1/datasets?nodeId=" + Http.encode(customers), d -> assertThat(d.path("measuredReadsWithoutVersion")).isNotEmpty());
        assertThat(tested.at("/measuredReadsWithoutVersion/0/assertionsPassed").asLong()).isEqualTo(4);
        assertThat(tested.at("/measuredReadsWithoutVersion/0/assertionsFailed").asLong()).isZero();

        String trino = NodeId.dataset("trino://trino-integration-test:1337", "marquez.default.test_create_table_as_select_from_table").value();
        JsonNode ctas = eventually("/api/v1/datasets?nodeId=" + Http.encode(trino), d -> assertThat(d.path("versions")).isNotEmpty());
        assertThat(ctas.at("/versions/0/rowCount").asLong()).isEqualTo(25);
    }

    @Test
    void staticLineageIsShownApartFromObservedLineage() {
        JsonNode fx = eventually("/api/v1/datasets?nodeId=" + Http.encode(FX), d -> assertThat(d.path("readBy")).isNotEmpty());
        assertThat(fx.at("/readBy/0/job").asText()).isEqualTo(JOB);
        assertThat(fx.at("/readBy/0/declared").asBoolean()).isTrue();
        assertThat(fx.at("/readBy/0").has("observed")).as("no run read fx_rates").isFalse();
        JsonNode raw = eventually("/api/v1/datasets?nodeId=" + Http.encode(RAW), d -> assertThat(d.at("/readBy/0/observed").asBoolean()).isTrue());
        assertThat(raw.at("/readBy/0/declared").asBoolean()).isTrue();

        JsonNode lineage = PLATFORM.query("/api/v1/lineage?depth=1&direction=upstream&nodeId=" + Http.encode(JOB)).expect(200).json();
        JsonNode job = node(lineage, JOB);
        JsonNode fromFx = null;
        for (JsonNode edge : job.get("inEdges")) {
            if (edge.get("origin").asText().equals(FX)) {
                fromFx = edge;
            }
        }
        assertThat(fromFx).as("the declared input is lineage too").isNotNull();
        assertThat(fromFx.get("declared").asBoolean()).isTrue();
        assertThat(fromFx.has("observed")).isFalse();
    }

    @Test
    void flinkStreamingJobsAndTheirTopicsAreMapped() {
        String flinkJob = NodeId.job("flink-jobs", "insert-into_default_catalog.default_database.kafka_output").value();
        String topic = NodeId.dataset("kafka://kafka-cluster-prod:9092", "io.openlineage.flink.kafka.output").value();
        JsonNode lineage = eventually("/api/v1/lineage?depth=1&nodeId=" + Http.encode(flinkJob), g -> assertThat(ids(g)).contains(topic));
        assertThat(node(lineage, flinkJob).at("/data/type").asText()).isEqualTo("STREAMING");
        assertThat(node(lineage, flinkJob).at("/data/facets/integration").asText()).isEqualTo("FLINK");
        assertThat(node(lineage, topic).at("/data/type").asText()).isEqualTo("STREAM");
        // The topic's Flink table name finds the topic.
        JsonNode byTable = PLATFORM.query("/api/v1/datasets?nodeId="
                + Http.encode(NodeId.dataset("kafka://kafka-cluster-prod:9092", "default_catalog.default_database.kafka_output").value())).expect(200).json();
        assertThat(byTable.get("nodeId").asText()).isEqualTo(topic);
        assertThat(byTable.get("type").asText()).isEqualTo("STREAM");
    }

    @Test
    void theCliPrintsADatasetForPeople() {
        eventually("/api/v1/datasets?nodeId=" + Http.encode(DAILY), d -> assertThat(d.path("versions")).isNotEmpty());
        String printed = cli("dataset", NodeId.dataset("s3://payments-lake", "/curated/daily_payments").value(), "--url", PLATFORM.queryUrl(""));
        assertThat(printed).contains(DAILY, "Daily payment totals per counterparty.", "also named", "s3://payments-lake");
        assertThat(printed).containsPattern("019ad1c0-7a10-7f3e-b1a2-93c4d5e6f701 +\\S+ +run:019ad1c0-7a10-7f3e-b1a2-93c4d5e6f701 +3 +2048 +1");
        assertThat(cli("dataset", FX, "--url", PLATFORM.queryUrl(""))).containsPattern(java.util.regex.Pattern.quote(JOB) + " +reads +declared \\(no run seen\\)");
    }

    private static String cli(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = io.headwater.cli.HeadwaterCli.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println("$ headwater " + String.join(" ", args) + "\n" + printed);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return printed;
    }

    private static JsonNode eventually(String path, java.util.function.Consumer<JsonNode> check) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> answer = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response response = PLATFORM.query(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            check.accept(response.json());
            answer.set(response.json());
        });
        return answer.get();
    }

    private static List<String> hits(String q) {
        List<String> ids = new ArrayList<>();
        eventually("/api/v1/search?q=" + Http.encode(q), r -> assertThat(r.path("results")).isNotEmpty())
                .get("results").forEach(hit -> ids.add(hit.get("nodeId").asText()));
        return ids;
    }

    private static List<String> ids(JsonNode lineage) {
        List<String> ids = new ArrayList<>();
        lineage.get("graph").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static JsonNode node(JsonNode lineage, String id) {
        for (JsonNode node : lineage.get("graph")) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + lineage);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
