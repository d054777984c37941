package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.devstack.ServiceProcess;
import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The question Headwater exists for, through every real part: the captured Spark job1 → job2 chain
 * and the Airflow DAGs through ingest, then two training runs with Headwater's facets (reading
 * job2's output as training data and an Airflow task's output as test data) producing churn
 * versions 7 and 8, then decisions. Every query endpoint's answer is checked field by field, and a
 * second query-service instance (owning half the decision partitions) must answer identically.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvenanceIT {


    static final String RUN_7 = "7c1f5a2e-0b7d-4e8a-9a51-1f2e3d4c5b01";
    static final String RUN_8 = "8d2a6b3f-1c8e-4f9b-8b62-2a3f4e5d6c02";
    static final String VALIDATION_8 = "9e3b7c40-2d9f-4a0c-9c73-3b4f5e6d7e03";
    static final String COMMIT_7 = "3f9a1c2b7d8e4f5a6b7c8d9e0f1a2b3c4d5e6f70";
    static final String COMMIT_8 = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807";
    static final String DIGEST = "sha256:" + "4f5e6d7c8b9a".repeat(5) + "0123";
    static final String TOP_COUNTRIES = "dataset:file:/srv/spark-demo/data/out/top_countries";
    static final String REVENUE = "dataset:file:/srv/spark-demo/data/out/revenue_by_country";
    static final String JOB2_SQL_RUN = "run:01a215d9-621d-7ff9-a94f-918dbef73407";
    static final String JOB1_SQL_RUN = "run:01a215d8-b242-752e-8681-58dc1af79577";
    static final String RESULT_CSV = "dataset:gs://mock-bucket:result.csv";
    static final String BQ_DOWNLOAD_RUN = "run:01936893-9751-7150-bbde-96d39c5c4c8d";

    /** With keys, as deployed: the services answer readers, the instances look decisions up with the service key. */
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraphAndKeys();
    private static ServiceProcess secondQuery;

    @BeforeAll
    static void start() throws Exception {
        for (String set : List.of("spark-captured", "airflow")) {
            for (Path event : Fixtures.events(set)) {
                PLATFORM.ingest("/api/v1/lineage", Files.readString(event)).expect(201);
            }
        }
        // The training runs read what job2 and the Airflow download wrote two years earlier in event time, far past
        // the version grace: those writes must be in the graph before the reads arrive, as they were in reality.
        // (Events of different runs travel on different partitions, so posting them in order is not enough.)
        for (String writer : List.of(JOB2_SQL_RUN, BQ_DOWNLOAD_RUN)) {
            PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/runs/" + writer.substring("run:".length())),
                    run -> run.path("outputs").size() > 0
                            && java.util.stream.StreamSupport.stream(run.path("outputs").spliterator(), false).allMatch(o -> o.hasNonNull("datasetVersion")),
                    Duration.ofSeconds(90));
        }
        PLATFORM.ingest("/api/v1/lineage", training("START", "2026-11-26T04:00:00Z", RUN_7, "7", COMMIT_7, "0.05", "1.3.2", null)).expect(201);
        PLATFORM.ingest("/api/v1/lineage", training("COMPLETE", "2026-11-26T04:30:00Z", RUN_7, "7", COMMIT_7, "0.05", "1.3.2", "0.91")).expect(201);
        PLATFORM.ingest("/api/v1/lineage", training("START", "2026-11-26T05:00:00Z", RUN_8, "8", COMMIT_8, "0.1", "1.4.0", null)).expect(201);
        PLATFORM.ingest("/api/v1/lineage", training("COMPLETE", "2026-11-26T05:30:00Z", RUN_8, "8", COMMIT_8, "0.1", "1.4.0", "0.88")).expect(201);
        StringBuilder decisions = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            decisions.append(i == 0 ? "" : ",").append(decision("d-7-" + i, "7", "2026-11-26T06:%02d:00Z".formatted(i)));
        }
        for (int i = 0; i < 3; i++) {
            decisions.append(",").append(decision("d-8-" + i, "8", "2026-11-26T07:%02d:00Z".formatted(i)));
        }
        PLATFORM.ingest("/api/v1/decisions", decisions.append("]").toString()).expect(201);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode answer = PLATFORM.query("/api/v1/decisions/d-8-2/provenance").expect(200).json();
            assertThat(answer.path("modelVersion").path("decisionCount").asLong()).isEqualTo(3);
            assertThat(answer.path("upstream")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(PLATFORM.query("/api/v1/models/churn/versions/7").expect(200).json().at("/version/decisionCount").asLong()).isEqualTo(12);
        });
    }

    @Test
    @Order(1)
    void provenanceOfADecisionNamesTheDataCodeAndEnvironment() throws Exception {
        JsonNode answer = PLATFORM.query("/api/v1/decisions/d-7-3/provenance").expect(200).json();
        assertThat(answer.at("/decision/decisionId").asText()).isEqualTo("d-7-3");
        assertThat(answer.at("/decision/output/churn").asBoolean()).isTrue();
        assertThat(answer.at("/modelVersion/id").asText()).isEqualTo("model:churn#7");
        assertThat(answer.at("/modelVersion/uri").asText()).isEqualTo("s3://models/churn/7");
        assertThat(answer.at("/modelVersion/trainingRun").asText()).isEqualTo("run:" + RUN_7);
        assertThat(answer.at("/modelVersion/decisionCount").asLong()).isEqualTo(12);

        JsonNode run = answer.get("trainingRun");
        assertThat(run.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(run.get("job").asText()).isEqualTo("job:ml:churn-train");
        assertThat(run.at("/code/commit").asText()).isEqualTo(COMMIT_7);
        assertThat(run.at("/code/repoUrl").asText()).isEqualTo("https://github.com/acme/churn.git");
        assertThat(run.at("/code/path").asText()).isEqualTo("train/train.py");
        assertThat(run.at("/environment/gpus/0/model").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(run.at("/environment/gpus/0/memoryMiB").asInt()).isEqualTo(81559);
        assertThat(run.at("/environment/imageDigest").asText()).isEqualTo(DIGEST);
        assertThat(run.at("/environment/runtimeVersion").asText()).isEqualTo("3.11.7");
        assertThat(run.at("/environment/packages/scikit-learn").asText()).isEqualTo("1.3.2");
        assertThat(run.at("/parameters/learning_rate").asText()).isEqualTo("0.05");
        assertThat(run.at("/parameters/epochs").asText()).isEqualTo("20");
        assertThat(run.get("metrics")).anySatisfy(m -> {
            assertThat(m.get("name").asText()).isEqualTo("auc");
            assertThat(m.get("value").asDouble()).isEqualTo(0.91);
        });

        // The exact data versions, by role: job2's output as written by its SQL run; the Airflow download's result as test data.
        JsonNode training = answer.at("/data/training/0");
        assertThat(training.get("dataset").asText()).isEqualTo(TOP_COUNTRIES);
        assertThat(training.get("datasetVersion").asText()).isEqualTo(TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4));
        assertThat(training.get("writtenBy").asText()).isEqualTo(JOB2_SQL_RUN);
        assertThat(answer.at("/data/test/0/dataset").asText()).isEqualTo(RESULT_CSV);
        assertThat(answer.at("/data/test/0/writtenBy").asText()).isEqualTo(BQ_DOWNLOAD_RUN);

        // Upstream: job2's run read job1's output version, written by job1's run, which read the raw CSVs.
        List<String> upstreamVersions = new ArrayList<>();
        answer.get("upstream").forEach(s -> upstreamVersions.add(s.at("/dataset/datasetVersion").asText(s.at("/dataset/dataset").asText())));
        assertThat(upstreamVersions).contains(REVENUE + "#" + JOB1_SQL_RUN.substring(4));
        JsonNode revenueStep = step(answer, REVENUE);
        assertThat(revenueStep.get("depth").asInt()).isEqualTo(2);
        assertThat(revenueStep.get("writtenByRun").asText()).isEqualTo(JOB1_SQL_RUN);
        assertThat(revenueStep.get("job").asText()).isEqualTo("job:spike:spike_job1.adaptive_spark_plan.out_revenue_by_country");
        assertThat(revenueStep.get("parentRun").asText()).isEqualTo("run:01a215d8-70a7-765b-8dea-eb0dc7184b78");
        List<String> job1Inputs = new ArrayList<>();
        revenueStep.get("inputs").forEach(i -> job1Inputs.add(i.get("dataset").asText()));
        assertThat(job1Inputs).containsExactly("dataset:file:/srv/spark-demo/data/in/customers.csv", "dataset:file:/srv/spark-demo/data/in/orders.csv");
        assertThat(step(answer, RESULT_CSV).get("parentRun").asText()).isEqualTo("run:01936893-9751-7a91-a2a0-a51101a3970c");
        assertThat(answer.get("partial").asBoolean()).isFalse();

        // The same answer as a graph.
        List<String> nodeIds = new ArrayList<>();
        answer.at("/graph/nodes").forEach(n -> nodeIds.add(n.get("id").asText()));
        assertThat(nodeIds).contains("decision:d-7-3", "model:churn#7", "run:" + RUN_7, JOB1_SQL_RUN, JOB2_SQL_RUN,
                TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4));
        assertThat(answer.at("/graph/edges")).anySatisfy(e -> {
            assertThat(e.get("origin").asText()).isEqualTo("model:churn#7");
            assertThat(e.get("kind").asText()).isEqualTo("DECIDED_BY");
        });

        // Bounds: depth 1 stops at the training data and says so.
        JsonNode shallow = PLATFORM.query("/api/v1/decisions/d-7-3/provenance?depth=1").expect(200).json();
        assertThat(shallow.get("partial").asBoolean()).isTrue();
        assertThat(shallow.get("partialReason").asText()).contains("depth");
        assertThat(shallow.get("upstream")).allSatisfy(s -> assertThat(s.get("depth").asInt()).isEqualTo(1));
    }

    @Test
    @Order(2)
    void asOfShowsTheGraphAsItWasKnownThen() throws Exception {
        JsonNode before = PLATFORM.query("/api/v1/decisions/d-7-3/provenance?asOf=2026-11-26T04:10:00Z").expect(200).json();
        assertThat(before.get("partial").asBoolean()).isTrue();
        assertThat(before.has("modelVersion")).isFalse();
        assertThat(before.get("partialReason").asText()).contains("model:churn#7").contains("as of");
        PLATFORM.query("/api/v1/lineage?nodeId=" + Http.encode(TOP_COUNTRIES) + "&asOf=2026-11-26T03:14:30Z").expect(404).json();
        JsonNode lineage = PLATFORM.query("/api/v1/lineage?nodeId=" + Http.encode(REVENUE) + "&asOf=2026-11-26T03:14:30Z").expect(200).json();
        assertThat(ids(lineage.get("graph"))).doesNotContain(TOP_COUNTRIES).contains(REVENUE);
        JsonNode now = PLATFORM.query("/api/v1/lineage?nodeId=" + Http.encode(REVENUE)).expect(200).json();
        assertThat(ids(now.get("graph"))).contains(TOP_COUNTRIES);
        PLATFORM.query("/api/v1/lineage?nodeId=" + Http.encode(REVENUE) + "&asOf=yesterday").expect(400).json();
    }

    @Test
    @Order(3)
    void runsComparedAndReproducible() throws Exception {
        JsonNode run = PLATFORM.query("/api/v1/runs/" + RUN_8).expect(200).json();
        assertThat(run.get("producedModelVersions").get(0).asText()).isEqualTo("model:churn#8");
        assertThat(run.at("/code/commit").asText()).isEqualTo(COMMIT_8);

        JsonNode comparison = PLATFORM.query("/api/v1/runs/compare?ids=" + RUN_7 + "," + RUN_8).expect(200).json();
        assertThat(row(comparison.get("parameters"), "learning_rate").get("values").toString()).isEqualTo("[\"0.05\",\"0.1\"]");
        assertThat(row(comparison.get("parameters"), "learning_rate").get("differs").asBoolean()).isTrue();
        assertThat(row(comparison.get("parameters"), "epochs").get("differs").asBoolean()).isFalse();
        assertThat(row(comparison.get("metrics"), "auc").get("values").toString()).isEqualTo("[0.91,0.88]");
        assertThat(row(comparison.get("code"), "commit").get("differs").asBoolean()).isTrue();
        assertThat(row(comparison.get("packages"), "scikit-learn").get("values").toString()).isEqualTo("[\"1.3.2\",\"1.4.0\"]");
        assertThat(row(comparison.get("packages"), "numpy").get("differs").asBoolean()).isFalse();
        assertThat(row(comparison.get("data"), TOP_COUNTRIES + " (training)").get("differs").asBoolean()).isFalse();
        assertThat(comparison.get("differences").asInt()).isGreaterThanOrEqualTo(5);
        PLATFORM.query("/api/v1/runs/compare?ids=" + RUN_7).expect(400).json();

        JsonNode recipe = PLATFORM.query("/api/v1/runs/" + RUN_7 + "/reproduce").expect(200).json();
        assertThat(recipe.get("checkout").toString()).contains("git -C src checkout " + COMMIT_7);
        assertThat(recipe.get("image").asText()).isEqualTo("ghcr.io/acme/train@" + DIGEST);
        assertThat(recipe.get("requirements").asText()).contains("scikit-learn==1.3.2\n");
        assertThat(recipe.at("/parameters/learning_rate").asText()).isEqualTo("0.05");
        assertThat(recipe.at("/expectedMetrics/auc").asDouble()).isEqualTo(0.91);
        assertThat(recipe.get("inputs")).hasSize(2);
        assertThat(recipe.get("missing")).isEmpty();
        PLATFORM.query("/api/v1/runs/00000000-0000-0000-0000-000000000000").expect(404).json();

        // A job's runs, newest first, with state, duration and code version.
        JsonNode jobRuns = PLATFORM.query("/api/v1/runs?job=" + Http.encode("job:ml:churn-train")).expect(200).json();
        assertThat(jobRuns).hasSize(2);
        assertThat(jobRuns.at("/0/runId").asText()).isEqualTo(RUN_8);
        assertThat(jobRuns.at("/1/runId").asText()).isEqualTo(RUN_7);
        assertThat(jobRuns.at("/1/state").asText()).isEqualTo("COMPLETE");
        assertThat(jobRuns.at("/1/durationMs").asLong()).isEqualTo(1_800_000L);
        assertThat(jobRuns.at("/1/commit").asText()).isEqualTo(COMMIT_7);
        assertThat(PLATFORM.query("/api/v1/runs?job=" + Http.encode("job:ml:churn-train") + "&limit=1").expect(200).json()).hasSize(1);
        PLATFORM.query("/api/v1/runs?job=" + Http.encode("job:ml:nothing")).expect(404).json();
        PLATFORM.query("/api/v1/runs").expect(400).json();
        // Paged, and filtered by state and start time; or every job of a namespace.
        String churn = "/api/v1/runs?job=" + Http.encode("job:ml:churn-train");
        assertThat(PLATFORM.query(churn + "&offset=1&limit=1").expect(200).json().at("/0/runId").asText()).isEqualTo(RUN_7);
        assertThat(PLATFORM.query(churn + "&state=complete").expect(200).json()).extracting(r -> r.path("state").asText()).containsOnly("COMPLETE");
        java.time.Instant newest = java.time.Instant.parse(jobRuns.at("/0/startTime").asText());
        assertThat(PLATFORM.query(churn + "&from=" + Http.encode(newest.toString())).expect(200).json())
                .extracting(r -> r.path("runId").asText()).containsExactly(RUN_8);
        assertThat(PLATFORM.query(churn + "&until=" + Http.encode(newest.toString())).expect(200).json())
                .extracting(r -> r.path("runId").asText()).containsExactly(RUN_7);
        assertThat(PLATFORM.query("/api/v1/runs?namespace=ml").expect(200).json()).extracting(r -> r.path("runId").asText())
                .contains(RUN_8, RUN_7);
        PLATFORM.query(churn + "&state=sleeping").expect(400).json();
        PLATFORM.query(churn + "&namespace=ml").expect(400).json();
        PLATFORM.query(churn + "&offset=-1").expect(400).json();
    }

    @Test
    @Order(4)
    void modelInventorySearchAndImpact() throws Exception {
        JsonNode models = PLATFORM.query("/api/v1/models").expect(200).json();
        JsonNode churn = find(models, "id", "model:churn");
        assertThat(churn.at("/versions/0/version").asText()).isEqualTo("7");
        assertThat(churn.at("/versions/0/decisionCount").asLong()).isEqualTo(12);
        assertThat(churn.at("/versions/1/trainingRun").asText()).isEqualTo("run:" + RUN_8);

        JsonNode version = PLATFORM.query("/api/v1/models/churn/versions/7?limit=5").expect(200).json();
        assertThat(version.at("/trainingRun/code/commit").asText()).isEqualTo(COMMIT_7);
        assertThat(version.at("/decisions/decisions")).hasSize(5);
        String cursor = version.at("/decisions/nextCursor").asText();
        List<String> paged = new ArrayList<>();
        version.at("/decisions/decisions").forEach(d -> paged.add(d.get("decisionId").asText()));
        while (!cursor.isEmpty()) {
            JsonNode page = PLATFORM.query("/api/v1/models/churn/versions/7/decisions?limit=5&cursor=" + cursor).expect(200).json();
            page.get("decisions").forEach(d -> paged.add(d.get("decisionId").asText()));
            cursor = page.path("nextCursor").asText();
        }
        assertThat(paged).hasSize(12).doesNotHaveDuplicates().startsWith("d-7-0", "d-7-1").endsWith("d-7-11");
        PLATFORM.query("/api/v1/models/churn/versions/99").expect(404).json();

        JsonNode byCommit = PLATFORM.query("/api/v1/search?q=" + COMMIT_7.substring(0, 10)).expect(200).json();
        assertThat(byCommit.at("/results/0/type").asText()).isEqualTo("JOB_VERSION");
        assertThat(byCommit.at("/results/0/modelVersions").toString()).isEqualTo("[\"model:churn#7\"]");
        JsonNode byImage = PLATFORM.query("/api/v1/search?q=" + Http.encode(DIGEST)).expect(200).json();
        // Two environments (different scikit-learn) in the same image: each hit names the model versions built in it.
        List<String> inImage = new ArrayList<>();
        byImage.get("results").forEach(h -> {
            assertThat(h.get("type").asText()).isEqualTo("ENVIRONMENT");
            h.get("modelVersions").forEach(m -> inImage.add(m.asText()));
        });
        assertThat(inImage).containsExactlyInAnyOrder("model:churn#7", "model:churn#8");
        // Q10, exact and complete: the model versions of a commit, and of an image digest, with their decisions.
        JsonNode ofCommit = PLATFORM.query("/api/v1/models/built-from?commit=" + COMMIT_7).expect(200).json();
        assertThat(ofCommit.get("modelVersions")).hasSize(1);
        assertThat(ofCommit.at("/modelVersions/0/id").asText()).isEqualTo("model:churn#7");
        assertThat(ofCommit.at("/modelVersions/0/trainingRun").asText()).isEqualTo("run:" + RUN_7);
        assertThat(ofCommit.at("/modelVersions/0/decisionCount").asLong()).isEqualTo(12);
        assertThat(PLATFORM.query("/api/v1/models/built-from?commit=" + COMMIT_7.substring(0, 10)).expect(200).json().get("modelVersions"))
                .as("exact, not a prefix").isEmpty();
        JsonNode ofImage = PLATFORM.query("/api/v1/models/built-from?image=" + Http.encode(DIGEST)).expect(200).json();
        assertThat(ofImage.get("sources")).hasSize(2);
        assertThat(ofImage.get("decisionCount").asLong()).isEqualTo(15);
        assertThat(ofImage.at("/modelVersions/1/decisionCount").asLong()).isEqualTo(3);
        PLATFORM.query("/api/v1/models/built-from").expect(400);
        JsonNode byName = PLATFORM.query("/api/v1/search?q=revenue").expect(200).json();
        assertThat(byName.get("results")).anySatisfy(h -> assertThat(h.get("nodeId").asText()).isEqualTo(REVENUE));
        PLATFORM.query("/api/v1/search").expect(400).json();

        // Job1's output version touched job2, both trainings, both model versions and all 15 decisions.
        JsonNode impact = PLATFORM.query("/api/v1/impact?limit=10&nodeId=" + Http.encode(REVENUE + "#" + JOB1_SQL_RUN.substring(4))).expect(200).json();
        assertThat(impact.get("jobs").toString()).contains("job:ml:churn-train", "job:spike:spike_job2.adaptive_spark_plan.out_top_countries");
        assertThat(impact.get("datasetVersions").toString()).contains(TOP_COUNTRIES + "#");
        assertThat(impact.get("decisionCount").asLong()).isEqualTo(15);
        assertThat(impact.get("decisions")).hasSize(10);
        JsonNode rest = PLATFORM.query("/api/v1/impact?limit=10&nodeId=" + Http.encode(REVENUE + "#" + JOB1_SQL_RUN.substring(4))
                + "&cursor=" + Http.encode(impact.get("nextCursor").asText())).expect(200).json();
        assertThat(rest.get("decisions")).hasSize(5);
        assertThat(rest.has("nextCursor")).isFalse();
        PLATFORM.query("/api/v1/impact?nodeId=" + Http.encode("dataset:nowhere:nothing")).expect(404).json();
    }

    @Test
    @Order(5)
    void columnLineageInMarquezShape() throws Exception {
        JsonNode answer = PLATFORM.query("/api/v1/column-lineage?nodeId=" + Http.encode(REVENUE)).expect(200).json();
        JsonNode total = find(answer.get("graph"), "id", "datasetField:file:/srv/spark-demo/data/out/revenue_by_country:total_amount");
        assertThat(total.get("type").asText()).isEqualTo("DATASET_FIELD");
        assertThat(total.at("/data/fieldType").asText()).isEqualTo("double");
        // Summed from orders.amount; the filter, join and group-by keys (the facet's dataset-level dependencies) reach it too.
        List<String> inputs = new ArrayList<>();
        total.at("/data/inputFields").forEach(f -> inputs.add(f.get("dataset").asText() + ":" + f.get("field").asText() + " " + f.get("transformationType").asText()));
        assertThat(inputs).contains("/srv/spark-demo/data/in/orders.csv:amount DIRECT/AGGREGATION,INDIRECT/FILTER",
                "/srv/spark-demo/data/in/customers.csv:country INDIRECT/GROUP_BY");
        List<String> origins = new ArrayList<>();
        total.get("inEdges").forEach(e -> origins.add(e.get("origin").asText()));
        assertThat(origins).contains("datasetField:file:/srv/spark-demo/data/in/orders.csv:amount");
    }

    @Test
    @Order(6)
    void aSecondInstanceAnswersIdentically() throws Exception {
        secondQuery = PLATFORM.platform().startQuery();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paths.add("/api/v1/decisions/d-7-" + i);
        }
        paths.add("/api/v1/decisions/d-8-1/provenance");
        paths.add("/api/v1/decisions/d-7-5/provenance");
        paths.add("/api/v1/models");
        paths.add("/api/v1/models/churn/versions/8");
        paths.add("/api/v1/impact?nodeId=" + Http.encode(TOP_COUNTRIES));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String path : paths) {
                JsonNode first = PLATFORM.query(path).expect(200).json();
                JsonNode second = PLATFORM.http().get(secondQuery.url() + path).expect(200).json();
                assertThat(second).as(path).isEqualTo(first);
            }
        });
        // Each decision is held by exactly one instance, and each instance holds some: half the answers above
        // were fetched from the other instance over HTTP.
        int[] held = new int[2];
        for (int i = 0; i < 12; i++) {
            Http service = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("service"));
            boolean first = service.get(PLATFORM.queryUrl("/internal/v1/decisions/d-7-" + i)).status() == 200;
            boolean second = service.get(secondQuery.url() + "/internal/v1/decisions/d-7-" + i).status() == 200;
            assertThat(first ^ second).as("d-7-" + i + " held by exactly one instance").isTrue();
            held[first ? 0 : 1]++;
        }
        assertThat(held[0]).isPositive();
        assertThat(held[1]).isPositive();
    }

    @Test
    @Order(7)
    void aReaderScopedToNamespacesSeesTheRestOfTheProvenanceAsCountedRedactedNodes() throws Exception {
        JsonNode key = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("admin")).post(PLATFORM.queryUrl("/api/v1/keys"), """
                {"roles":["reader"],"namespaces":["ml","file"],"description":"the ML team's analyst"}""").expect(201).json();
        Http analyst = PLATFORM.anonymous().withAuthorization("Bearer " + key.path("token").asText());
        String path = "/api/v1/decisions/d-7-3/provenance";
        JsonNode whole = PLATFORM.query(path).expect(200).json();
        JsonNode scoped = await().atMost(Duration.ofSeconds(15)).until(() -> analyst.get(PLATFORM.queryUrl(path)), r -> r.status() == 200).json();

        // The same shape, nothing dropped: as many nodes and edges, the hidden ones counted.
        assertThat(scoped.at("/graph/nodes")).hasSameSizeAs(whole.at("/graph/nodes"));
        assertThat(scoped.at("/graph/edges")).hasSameSizeAs(whole.at("/graph/edges"));
        assertThat(whole.has("redacted")).isFalse();
        List<JsonNode> redactedNodes = new ArrayList<>();
        scoped.at("/graph/nodes").forEach(n -> {
            if (n.path("redacted").asBoolean()) {
                redactedNodes.add(n);
            }
        });
        assertThat(redactedNodes).isNotEmpty().allSatisfy(n -> {
            assertThat(n.get("id").asText()).startsWith("redacted:");
            assertThat(n.has("name")).isFalse();
            assertThat(n.has("attributes")).isFalse();
            assertThat(n.get("type").asText()).isNotBlank();
        });
        assertThat(scoped.at("/redacted/nodes").asInt()).isGreaterThanOrEqualTo(redactedNodes.size());
        assertThat(scoped.at("/redacted/readableNamespaces").toString()).isEqualTo("[\"file\",\"ml\"]");

        // In scope: the training run of job:ml:churn-train and the file datasets, as before.
        assertThat(scoped.at("/trainingRun/job").asText()).isEqualTo("job:ml:churn-train");
        assertThat(scoped.at("/trainingRun/code/commit").asText()).isEqualTo(COMMIT_7);
        assertThat(scoped.at("/data/training/0/dataset").asText()).isEqualTo(TOP_COUNTRIES);
        assertThat(step(scoped, REVENUE).at("/inputs/0/dataset").asText()).isEqualTo("dataset:file:/srv/spark-demo/data/in/customers.csv");
        // Out of scope: the Spark runs of namespace spike, the Airflow dataset in gs://mock-bucket and its writer.
        assertThat(scoped.at("/data/training/0/writtenBy").asText()).startsWith("redacted:");
        assertThat(scoped.at("/data/test/0/dataset").asText()).startsWith("redacted:");
        assertThat(step(scoped, REVENUE).get("writtenByRun").asText()).startsWith("redacted:");
        assertThat(step(scoped, REVENUE).has("job")).isFalse();
        String body = scoped.toString();
        for (String hidden : List.of(JOB1_SQL_RUN, JOB2_SQL_RUN, BQ_DOWNLOAD_RUN, "spike", "mock-bucket", "result.csv")) {
            assertThat(body).as(hidden).doesNotContain(hidden);
        }

        // Asked directly, a run of another namespace is refused, not answered with its details.
        JsonNode refused = analyst.get(PLATFORM.queryUrl("/api/v1/runs/" + JOB1_SQL_RUN.substring(4))).expect(403).json();
        assertThat(refused.path("type").asText()).endsWith("namespace-not-allowed");
        analyst.get(PLATFORM.queryUrl("/api/v1/runs/" + RUN_7)).expect(200);
        analyst.get(PLATFORM.queryUrl("/api/v1/lineage?nodeId=" + Http.encode(RESULT_CSV))).expect(403);
        // Lineage from a dataset in scope: the Spark jobs around it are there, redacted.
        JsonNode lineage = analyst.get(PLATFORM.queryUrl("/api/v1/lineage?nodeId=" + Http.encode(REVENUE))).expect(200).json();
        assertThat(ids(lineage.get("graph"))).contains(REVENUE, TOP_COUNTRIES).anySatisfy(id -> assertThat(id).startsWith("redacted:"));
        assertThat(lineage.toString()).doesNotContain("spike");
        assertThat(lineage.at("/redacted/nodes").asInt()).isPositive();
    }

    @Test
    @Order(8)
    void aDecisionsComplianceReportAsJsonHtmlAndPdf() throws Exception {
        JsonNode report = PLATFORM.query("/api/v1/decisions/d-7-3/report").expect(200).json();
        assertThat(report.at("/decision/decisionId").asText()).isEqualTo("d-7-3");
        assertThat(report.get("sentBy").asText()).as("who sent the decision").isNotBlank();
        assertThat(report.at("/modelVersion/id").asText()).isEqualTo("model:churn#7");
        assertThat(report.at("/trainingRun/code/commit").asText()).isEqualTo(COMMIT_7);
        assertThat(report.at("/data/training/0/datasetVersion").asText()).isEqualTo(TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4));
        assertThat(report.get("driftAtDecision")).isEmpty();
        assertThat(report.at("/servingAtDecision/source").asText()).as("no deployment reported yet").isEqualTo("decisions");
        assertThat(report.at("/servingAtDecision/serving/0/modelVersionId").asText()).isEqualTo("model:churn#7");
        assertThat(report.has("accessedBy")).as("a reader is not shown the audit").isFalse();
        assertThat(report.get("accessNote").asText()).contains("auditor");

        // An auditor's report lists who read the decision: the reader's provenance questions above, from the audit.
        Http auditor = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("auditor"));
        String readerKey = PLATFORM.platform().authorization("reader").substring("Bearer hwk_".length()).split("_")[0];
        JsonNode audited = await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(PLATFORM.queryUrl("/api/v1/decisions/d-7-3/report")).expect(200).json(),
                r -> r.path("accessedBy").toString().contains(readerKey));
        assertThat(audited.get("accessedBy")).anySatisfy(a -> {
            assertThat(a.get("principal").asText()).isEqualTo(readerKey);
            assertThat(a.get("path").asText()).isEqualTo("/api/v1/decisions/d-7-3/provenance");
        });

        Http.Response html = PLATFORM.http().send("GET", PLATFORM.queryUrl("/api/v1/decisions/d-7-3/report"), null, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).startsWith("<!doctype html>").contains("Compliance report: decision d-7-3", COMMIT_7, "Data it was trained on")
                .doesNotContain("<script");

        byte[] bytes = PLATFORM.http().bytes(PLATFORM.queryUrl("/api/v1/decisions/d-7-3/report?format=pdf"), 200);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Compliance report: decision d-7-3", "model:churn#7", COMMIT_7, "NVIDIA H100 80GB HBM3",
                    "learning_rate=0.05", "top_countries", "Drift when the decision was made", "Who read this decision");
            java.nio.file.Path shot = BrowserSuite.SCREENSHOTS.resolve("report.png");
            Files.createDirectories(shot.getParent());
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 90), "png", shot.toFile());
        }
        PLATFORM.query("/api/v1/decisions/d-7-3/report?format=docx").expect(400);
        PLATFORM.query("/api/v1/decisions/no-such/report").expect(404);
    }

    @Test
    @Order(9)
    void whichVersionServedAtATimeFromTheDeploymentsElseFromTheDecisions() {
        // No deployment reported: the decisions tell (7 decided from 06:00, 8 from 07:00).
        JsonNode early = PLATFORM.query("/api/v1/models/churn/serving?at=2026-11-26T06:30:00Z").expect(200).json();
        assertThat(early.get("source").asText()).isEqualTo("decisions");
        assertThat(early.at("/serving/0/modelVersion").asText()).isEqualTo("7");
        assertThat(PLATFORM.query("/api/v1/models/churn/serving?at=2026-11-26T07:30:00Z").expect(200).json().at("/serving/0/modelVersion").asText()).isEqualTo("8");

        // The serving system reports its deployments: 7 in prod until 06:50, then 8; 7 still in a canary.
        PLATFORM.ingest("/api/v1/deployments", """
                [{"modelName":"churn","modelVersion":"7","endpoint":"prod","deployedAt":"2026-11-26T04:45:00Z","retiredAt":"2026-11-26T06:50:00Z"},
                 {"modelName":"churn","modelVersion":"8","endpoint":"prod","deployedAt":"2026-11-26T06:50:00Z"},
                 {"modelName":"churn","modelVersion":"7","endpoint":"canary","deployedAt":"2026-11-26T05:00:00Z"}]""").expect(201);
        JsonNode bad = PLATFORM.ingest("/api/v1/deployments", """
                {"modelName":"churn","modelVersion":"9","deployedAt":"2026-11-26T08:00:00Z","retiredAt":"2026-11-26T07:00:00Z"}""").expect(422).json();
        assertThat(bad.toString()).contains("/retiredAt");
        JsonNode at0630 = await().atMost(Duration.ofSeconds(30)).until(() -> PLATFORM.query("/api/v1/models/churn/serving?at=2026-11-26T06:30:00Z").expect(200).json(),
                a -> "deployments".equals(a.path("source").asText()) && a.path("serving").size() == 2);
        assertThat(at0630.get("serving")).anySatisfy(x -> {
            assertThat(x.get("endpoint").asText()).isEqualTo("prod");
            assertThat(x.get("modelVersion").asText()).isEqualTo("7");
            assertThat(x.get("until").asText()).isEqualTo("2026-11-26T06:50:00Z");
            assertThat(x.get("sentBy").asText()).isNotBlank();
        });
        JsonNode prod0730 = PLATFORM.query("/api/v1/models/churn/serving?endpoint=prod&at=2026-11-26T07:30:00Z").expect(200).json();
        assertThat(prod0730.get("serving")).hasSize(1);
        assertThat(prod0730.at("/serving/0/modelVersionId").asText()).isEqualTo("model:churn#8");
        JsonNode before = PLATFORM.query("/api/v1/models/churn/serving?at=2026-11-26T04:00:00Z").expect(200).json();
        assertThat(before.get("serving")).isEmpty();
        assertThat(before.get("note").asText()).contains("none was serving");
        PLATFORM.query("/api/v1/models/churn/serving?at=yesterday").expect(400);
        PLATFORM.query("/api/v1/models/nosuchmodel/serving").expect(404);
        // The decision's report now names the deployment that served it.
        JsonNode report = PLATFORM.query("/api/v1/decisions/d-7-3/report").expect(200).json();
        assertThat(report.at("/servingAtDecision/source").asText()).isEqualTo("deployments");
    }

    @Test
    @Order(10)
    void decisionsOfModelsTrainedOnADatasetVersionPagedAndFiltered() throws Exception {
        String version = java.net.URLEncoder.encode(TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode all = PLATFORM.query("/api/v1/decisions?trainedOn=" + version + "&limit=100").expect(200).json();
        assertThat(all.get("modelVersions")).extracting(v -> v.get("id").asText() + "=" + v.get("decisionCount").asLong())
                .containsExactly("model:churn#7=12", "model:churn#8=3");
        assertThat(ids(all.get("decisions"), "decisionId")).hasSize(15).startsWith("d-7-0", "d-7-1").endsWith("d-8-2");
        assertThat(all.has("nextCursor")).isFalse();

        // A window of decision times: read from the time-ordered index, the rest never touched.
        JsonNode window = PLATFORM.query("/api/v1/decisions?trainedOn=" + version + "&model=churn&from=2026-11-26T06:05:00Z&until=2026-11-26T07:01:00Z&limit=100")
                .expect(200).json();
        assertThat(ids(window.get("decisions"), "decisionId")).containsExactly("d-7-5", "d-7-6", "d-7-7", "d-7-8", "d-7-9", "d-7-10", "d-7-11", "d-8-0");
        // Paged: four at a time, the cursor carrying on across versions, nothing twice, nothing missed.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = PLATFORM.query("/api/v1/decisions?trainedOn=" + version + "&from=2026-11-26T06:05:00Z&limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            assertThat(page.get("decisions").size()).isLessThanOrEqualTo(4);
            paged.addAll(ids(page.get("decisions"), "decisionId"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(paged).containsExactly("d-7-5", "d-7-6", "d-7-7", "d-7-8", "d-7-9", "d-7-10", "d-7-11", "d-8-0", "d-8-1", "d-8-2");
        assertThat(PLATFORM.query("/api/v1/decisions?trainedOn=" + version + "&model=nosuch").expect(200).json().get("decisions")).isEmpty();
        PLATFORM.query("/api/v1/decisions?trainedOn=" + version + "&from=2026-11-26T07:00:00Z&until=2026-11-26T06:00:00Z").expect(400);
        PLATFORM.query("/api/v1/decisions").expect(400);
    }

    @Test
    @Order(11)
    void aLegalHoldBlocksAnErasureAndOnceReleasedTheSubjectsDecisionsAreGoneFromEveryAnswerTopicAndStore() throws Exception {
        String subject = "customer-erase-me-" + System.nanoTime();
        List<String> erased = List.of("e-7-0", "e-7-1", "e-8-0");
        PLATFORM.ingest("/api/v1/decisions", "[" + String.join(",",
                subjectDecision("e-7-0", "7", "2026-11-26T06:20:00Z", subject), subjectDecision("e-7-1", "7", "2026-11-26T06:21:00Z", subject),
                subjectDecision("e-8-0", "8", "2026-11-26T07:10:00Z", subject)) + "]").expect(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(PLATFORM.query("/api/v1/models/churn/versions/7").expect(200).json().at("/version/decisionCount").asLong()).isEqualTo(14));
        // A decision made before its class's period (P184D) leaves the stores by itself: an expiry sweep writes its tombstone.
        PLATFORM.ingest("/api/v1/decisions", subjectDecision("old-7-0", "7", "2026-01-05T09:00:00Z", "customer-long-ago")).expect(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            PLATFORM.query("/api/v1/decisions/old-7-0").expect(404);
            long expired = 0;
            for (String instance : List.of(PLATFORM.platform().query.url(), secondQuery.url())) {
                JsonNode sweeps = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("auditor")).get(instance + "/api/v1/retention")
                        .expect(200).json().get("decisionExpiry");
                assertThat(sweeps.get("lastSweep").asText()).isNotBlank();
                expired += sweeps.get("expiredSinceStart").asLong();
            }
            assertThat(expired).as("the instance holding churn#7's index expired it").isEqualTo(1);
            assertThat(PLATFORM.query("/api/v1/models/churn/versions/7").expect(200).json().at("/version/decisionCount").asLong()).isEqualTo(14);
        });
        assertThat(PLATFORM.query("/api/v1/decisions/e-7-0").status()).as("recent decisions stay").isEqualTo(200);
        Http admin = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("admin"));
        Http auditor = PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization("auditor"));
        String erasure = PLATFORM.queryUrl("/api/v1/erasure");

        // Q5, the dry run (the default): everything the erasure touches, across both instances' partitions; nothing removed.
        JsonNode preview = admin.post(erasure, "{\"subjectId\":\"" + subject + "\"}").expect(200).json();
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("decisionCount").asLong()).isEqualTo(3);
        assertThat(ids(preview.get("decisions"), "decisionId")).containsExactly("e-7-0", "e-7-1", "e-8-0");
        assertThat(preview.get("modelVersions")).extracting(JsonNode::asText).containsExactly("model:churn#7", "model:churn#8");
        assertThat(preview.get("removes").toString()).contains(Topics.DECISIONS.name(), Topics.DECISIONS_LINKED.name(), "decisions-by-model-version");
        assertThat(preview.get("keeps").toString()).contains(Topics.AUDIT.name());
        PLATFORM.query("/api/v1/decisions/e-7-0").expect(200);
        PLATFORM.http().post(erasure, "{\"subjectId\":\"" + subject + "\"}").expect(403);
        admin.post(erasure, "{}").expect(400);
        JsonNode datasetImpact = admin.post(erasure, "{\"target\":\"" + TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4) + "\"}").expect(200).json();
        assertThat(datasetImpact.get("kind").asText()).isEqualTo("dataset-version");
        assertThat(datasetImpact.get("modelVersions")).extracting(JsonNode::asText).contains("model:churn#7", "model:churn#8");
        assertThat(datasetImpact.get("decisionCount").asLong()).as("every decision of both versions, to re-assess").isEqualTo(18);

        // A legal hold on one of the decisions: the erasure is refused with a 409 naming it; a reader may not place one.
        PLATFORM.http().post(PLATFORM.queryUrl("/api/v1/holds"), "{\"target\":\"decision:e-7-1\",\"reason\":\"matter 2026-17\"}").expect(403);
        admin.post(PLATFORM.queryUrl("/api/v1/holds"), "{\"target\":\"decision:no-such\",\"reason\":\"x\"}").expect(404);
        admin.post(PLATFORM.queryUrl("/api/v1/holds"), "{\"target\":\"decision:e-7-1\"}").expect(400);
        JsonNode hold = admin.post(PLATFORM.queryUrl("/api/v1/holds"), "{\"target\":\"decision:e-7-1\",\"reason\":\"matter 2026-17\"}").expect(201).json();
        assertThat(hold.get("placedBy").asText()).isNotBlank();
        String holdId = hold.get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get(PLATFORM.queryUrl("/api/v1/holds")).expect(200).json().toString().contains(holdId));
        Http.Response blocked = admin.post(erasure, "{\"subjectId\":\"" + subject + "\",\"dryRun\":false}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.body()).contains("legal-hold", holdId, "matter 2026-17");
        assertThat(admin.post(PLATFORM.queryUrl("/api/v1/holds"), "{\"target\":\"" + TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4) + "\",\"reason\":\"audit 4\"}")
                .expect(201).json().get("id").asText()).isNotBlank();
        JsonNode retention = await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get(PLATFORM.queryUrl("/api/v1/retention")).expect(200).json(),
                r -> r.get("holds").size() == 2);
        JsonNode decisionsClass = find(retention.get("classes"), "name", "decisions");
        assertThat(decisionsClass.get("period").asText()).isEqualTo("P184D");
        assertThat(decisionsClass.get("meetsLegalMinimum").asBoolean()).isTrue();
        assertThat(find(decisionsClass.get("topics"), "name", Topics.DECISIONS.name()).get("cleanupPolicy").asText()).isEqualTo("compact,delete");
        assertThat(decisionsClass.get("topicsAsPolicy").asBoolean()).as(decisionsClass.toString()).isTrue();
        assertThat(find(retention.get("classes"), "name", "lineage").get("period").asText()).isEqualTo("P3653D");
        Http.Response releasedByReader = PLATFORM.http().send("DELETE", PLATFORM.queryUrl("/api/v1/holds/" + holdId), null);
        assertThat(releasedByReader.status()).isEqualTo(403);
        JsonNode released = admin.send("DELETE", PLATFORM.queryUrl("/api/v1/holds/" + holdId), null).expect(200).json();
        assertThat(released.get("releasedBy").asText()).isNotBlank();

        // Released, the erasure runs: a receipt that names the subject only by a hash.
        JsonNode done = await().atMost(Duration.ofSeconds(20)).until(() -> admin.post(erasure,
                "{\"subjectId\":\"" + subject + "\",\"dryRun\":false,\"reason\":\"GDPR Art. 17 request 881\"}"), r -> r.status() == 200).json();
        JsonNode receipt = done.get("receipt");
        assertThat(receipt.get("decisionsErased")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(erased);
        assertThat(receipt.get("subjectHash").asText()).isEqualTo(io.headwater.contract.retention.ErasureReceipt.subjectHash(subject));
        assertThat(receipt.get("requestedBy").asText()).isNotBlank();
        assertThat(receipt.toString()).doesNotContain(subject);
        String receiptId = receipt.get("id").asText();

        // Gone from every answer: the decisions, the versions' counts and pages, the subject's own look-up, both instances.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode status = auditor.get(PLATFORM.queryUrl("/api/v1/erasure/" + receiptId)).expect(200).json();
            assertThat(status.get("complete").asBoolean()).as(status.toString()).isTrue();
            assertThat(PLATFORM.query("/api/v1/models/churn/versions/7").expect(200).json().at("/version/decisionCount").asLong()).isEqualTo(12);
            assertThat(PLATFORM.query("/api/v1/models/churn/versions/8").expect(200).json().at("/version/decisionCount").asLong()).isEqualTo(3);
        });
        for (String id : erased) {
            PLATFORM.query("/api/v1/decisions/" + id).expect(404);
            PLATFORM.http().get(secondQuery.url() + "/api/v1/decisions/" + id).expect(404);
        }
        String impact = PLATFORM.query("/api/v1/impact?nodeId=" + java.net.URLEncoder.encode(TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4),
                java.nio.charset.StandardCharsets.UTF_8) + "&limit=100").expect(200).body();
        assertThat(impact).contains("d-7-0").doesNotContain("e-7-0", "e-8-0", subject);
        assertThat(admin.post(erasure, "{\"subjectId\":\"" + subject + "\"}").expect(200).json().get("decisionCount").asLong()).isZero();
        assertThat(auditor.get(erasure).expect(200).body()).contains(receiptId);
        // The erasure itself is in the audit, by whom.
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(PLATFORM.queryUrl("/api/v1/audit?id=erasure")).expect(200).body(),
                b -> b.contains("\"POST\""));

        // Gone from every topic: no record still in force on any topic (compacted ones read as their latest value per key)
        // holds the subject's id; repartition topics are purged by Kafka Streams once their records are consumed.
        String bootstrap = PLATFORM.platform().bootstrapServers();
        List<String> topics;
        try (org.apache.kafka.clients.admin.Admin kafka = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            topics = new ArrayList<>(kafka.listTopics().names().get());
        }
        byte[] needle = subject.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            java.util.Map<String, byte[]> live = new java.util.HashMap<>();
            java.util.Set<String> holding = new java.util.TreeSet<>();
            for (var record : io.headwater.testkit.TopicReader.everything(bootstrap, topics, Duration.ofSeconds(30))) {
                String topic = record.topic();
                if (topic.equals(Topics.DECISIONS_IN.name()) || topic.equals(Topics.DEAD_LETTER.name())) {
                    continue; // nothing of this test went there; what a serving system writes there leaves with the topic's retention
                }
                boolean keyed = topic.endsWith("-changelog") || Topics.ALL.stream().anyMatch(t -> t.name().equals(topic) && t.compacted());
                if (keyed) {
                    live.put(topic + "/" + record.partition() + "/" + java.util.HexFormat.of().formatHex(record.key() == null ? new byte[0] : record.key()), record.value());
                } else if (record.value() != null && indexOf(record.value(), needle) >= 0) {
                    holding.add(topic);
                }
            }
            live.forEach((where, value) -> {
                if (value != null && indexOf(value, needle) >= 0) {
                    holding.add(where.substring(0, where.indexOf('/')));
                }
            });
            assertThat(holding).as("topics still holding the erased subject").isEmpty();
        });
    }

    @Test
    @Order(12)
    void aModelVersionsTechnicalDocumentationAsJsonHtmlAndPdf() throws Exception {
        // A validation of churn 8: reads the model in the validation role, with the Airflow download as test data.
        PLATFORM.ingest("/api/v1/lineage", RunEvents.run("START", VALIDATION_8, "2026-11-26T05:40:00Z").job("ml", "churn-validate")
                .input("s3://models", "churn/8", "validation").input("gs://mock-bucket", "result.csv", "test").json()).expect(201);
        PLATFORM.ingest("/api/v1/lineage", RunEvents.run("COMPLETE", VALIDATION_8, "2026-11-26T05:45:00Z").job("ml", "churn-validate")
                .input("s3://models", "churn/8", "validation").input("gs://mock-bucket", "result.csv", "test").metric("auc", 0.87, null).json()).expect(201);
        JsonNode doc = await().atMost(Duration.ofSeconds(30)).until(() -> PLATFORM.query("/api/v1/models/churn/versions/8/documentation").expect(200).json(),
                d -> d.path("validations").size() == 1 && d.at("/validations/0/state").asText().equals("COMPLETE"));
        assertThat(doc.at("/modelVersion/id").asText()).isEqualTo("model:churn#8");
        assertThat(doc.at("/trainingRun/code/commit").asText()).isEqualTo(COMMIT_8);
        assertThat(doc.at("/data/training/0/datasetVersion").asText()).isEqualTo(TOP_COUNTRIES + "#" + JOB2_SQL_RUN.substring(4));
        assertThat(doc.at("/data/test/0/dataset").asText()).isEqualTo(RESULT_CSV);
        assertThat(doc.get("upstream")).isNotEmpty();
        assertThat(doc.at("/validations/0/runId").asText()).isEqualTo("run:" + VALIDATION_8);
        assertThat(doc.at("/validations/0/metrics/auc").asDouble()).isEqualTo(0.87);
        // What changed from version 7: a run comparison, each differing row marked.
        assertThat(doc.get("previousVersion").asText()).isEqualTo("model:churn#7");
        JsonNode changes = doc.get("changesFromPrevious");
        assertThat(find(changes.get("parameters"), "name", "learning_rate").get("differs").asBoolean()).isTrue();
        assertThat(find(changes.get("packages"), "name", "scikit-learn").get("values").toString()).contains("1.3.2", "1.4.0");
        assertThat(changes.get("differences").asInt()).isPositive();
        assertThat(doc.get("alerts")).isEmpty();
        JsonNode first = PLATFORM.query("/api/v1/models/churn/versions/7/documentation").expect(200).json();
        assertThat(first.has("previousVersion")).as("7 is the first version").isFalse();
        // As of before the validation ran, the documentation does not have it.
        assertThat(PLATFORM.query("/api/v1/models/churn/versions/8/documentation?asOf=2026-11-26T05:35:00Z").expect(200).json().get("validations")).isEmpty();

        Http.Response html = PLATFORM.http().send("GET", PLATFORM.queryUrl("/api/v1/models/churn/versions/8/documentation"), null, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Technical documentation: model:churn#8", "Changes from the previous version", "learning_rate", "Validation runs")
                .doesNotContain("<script");
        byte[] pdf = PLATFORM.http().bytes(PLATFORM.queryUrl("/api/v1/models/churn/versions/8/documentation?format=pdf"), 200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Technical documentation: model:churn#8", COMMIT_8, "Training, validation and test data", "churn-validate", "scikit-learn");
        }
        PLATFORM.query("/api/v1/models/churn/versions/99/documentation").expect(404);

        // A decision of version 8, made after that validation ended, names it in its report; the decision links its model's recipe (Q1).
        JsonNode report = PLATFORM.query("/api/v1/decisions/d-8-1/report").expect(200).json();
        assertThat(report.at("/validations/0/runId").asText()).isEqualTo("run:" + VALIDATION_8);
        String reproduce = report.at("/decision/reproduce").asText();
        assertThat(reproduce).isEqualTo("/api/v1/runs/" + RUN_8 + "/reproduce");
        assertThat(PLATFORM.query(reproduce).expect(200).body()).contains(COMMIT_8);
        assertThat(PLATFORM.query("/api/v1/decisions/d-7-3/report").expect(200).json().get("validations")).as("7 was never validated").isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asText()));
        return ids;
    }

    private static String subjectDecision(String id, String version, String time, String subject) {
        return """
                {"decisionId":"%s","modelName":"churn","modelVersion":"%s","decisionTime":"%s","subjectId":"%s","output":{"churn":false,"score":0.12}}"""
                .formatted(id, version, time, subject);
    }

    private static JsonNode step(JsonNode answer, String dataset) {
        for (JsonNode s : answer.get("upstream")) {
            if (s.at("/dataset/dataset").asText().equals(dataset)) {
                return s;
            }
        }
        throw new AssertionError("no upstream step for " + dataset + " in " + answer.get("upstream"));
    }

    private static JsonNode row(JsonNode rows, String name) {
        return find(rows, "name", name);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> ids(JsonNode graph) {
        List<String> ids = new ArrayList<>();
        graph.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static String training(String type, String time, String runId, String version, String commit, String learningRate,
                                   String sklearn, String auc) {
        RunEvents event = RunEvents.run(type, runId, time).job("ml", "churn-train")
                .parameter("learning_rate", Double.parseDouble(learningRate)).parameter("epochs", 20).parameter("model", "gbt")
                .environment("python", "3.11.7", "Linux-6.1.0-x86_64", "ghcr.io/acme/train:1.4", DIGEST)
                .pkg("scikit-learn", sklearn).pkg("numpy", "1.26.4").gpu("NVIDIA H100 80GB HBM3", "550.54.15", "12.4", 81559)
                .gitSource("https://github.com/acme/churn", "train/train.py", commit, "main")
                .input("file", "/srv/spark-demo/data/out/top_countries", "training")
                .input("gs://mock-bucket", "result.csv", "test")
                .model("s3://models", "churn/" + version, "churn", version, "s3://models/churn/" + version, "scikit-learn");
        if (auc != null) {
            event.metric("auc", 0.5, 1L).metric("auc", Double.parseDouble(auc), 2L);
        }
        return event.json();
    }

    private static String decision(String id, String version, String time) {
        return """
                {"decisionId":"%s","modelName":"churn","modelVersion":"%s","decisionTime":"%s","subjectId":"customer-%s","output":{"churn":true,"score":0.87}}"""
                .formatted(id, version, time, id);
    }

}
