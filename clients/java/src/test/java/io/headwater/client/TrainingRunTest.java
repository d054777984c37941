package io.headwater.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private StubIngest ingest;

    @BeforeEach
    void start() throws Exception {
        ingest = new StubIngest();
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private LineageTransport transport(String url) {
        return new LineageTransport(new ClientConfig(url, "key-9", temp.resolve("spool"), Duration.ofSeconds(2)));
    }

    @Test
    void aRecordedRunSendsStartAndCompleteWithEverything() throws Exception {
        TrainingRun run = TrainingRun.start("churn-train", "ml", transport(ingest.url()), new EnvironmentCapture(Map.of("PATH", "/nonexistent")), temp);
        TrainingRun.record(run, r -> {
            r.params(Map.of("learning_rate", 0.05, "epochs", 20));
            r.input("s3://lake/customers", "training", "v3");
            r.metric("auc", 0.91, 2L);
            r.referenceProfile(List.of(Distribution.numeric("tenure", List.of(0.0, 12.0, 24.0), List.of(30L, 70L))),
                    Distribution.categorical("churn", Map.of("true", 13L, "false", 87L)));
            r.outputModel("churn", "7", "s3://models/churn/7");
        });
        assertThat(ingest.bodies).hasSize(2);
        assertThat(ingest.authorizations).containsOnly("Bearer key-9");
        JsonNode start = JSON.readTree(ingest.bodies.get(0));
        JsonNode complete = JSON.readTree(ingest.bodies.get(1));
        assertThat(start.get("eventType").asText()).isEqualTo("START");
        assertThat(complete.get("eventType").asText()).isEqualTo("COMPLETE");
        assertThat(complete.at("/run/runId").asText()).isEqualTo(run.runId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(complete.at("/run/facets/headwater_parameters/parameters/epochs").asInt()).isEqualTo(20);
        assertThat(complete.at("/run/facets/headwater_metrics/metrics/0/value").asDouble()).isEqualTo(0.91);
        assertThat(complete.at("/run/facets/headwater_environment/runtime/name").asText()).isEqualTo("java");
        assertThat(complete.at("/run/facets/headwater_environment/_schemaURL").asText()).endsWith("HeadwaterEnvironmentRunFacet.json");
        assertThat(complete.at("/run/facets/headwater_referenceProfile/features/0/binEdges").size()).isEqualTo(3);
        assertThat(complete.at("/inputs/0/namespace").asText()).isEqualTo("s3://lake");
        assertThat(complete.at("/inputs/0/facets/version/datasetVersion").asText()).isEqualTo("v3");
        assertThat(complete.at("/inputs/0/inputFacets/headwater_datasetRole/role").asText()).isEqualTo("training");
        assertThat(complete.at("/outputs/0/facets/headwater_modelArtifact/version").asText()).isEqualTo("7");
        assertThat(start.get("outputs")).isEmpty();
    }

    /** The client is used without Headwater's jars, so it spells the facets itself: held here to what ingest reads. */
    @Test
    void everyHeadwaterFacetItWritesIsOneIngestReadsUnderItsSchema() throws Exception {
        TrainingRun run = TrainingRun.start("churn-train", "ml", transport(ingest.url()), new EnvironmentCapture(Map.of("PATH", "/nonexistent")), temp);
        TrainingRun.record(run, r -> {
            r.params(Map.of("epochs", 20));
            r.input("s3://lake/customers", "training", "v3");
            r.metric("auc", 0.91, 2L);
            r.referenceProfile(List.of(Distribution.numeric("tenure", List.of(0.0, 12.0), List.of(30L))), null);
            r.outputModel("churn", "7", "s3://models/churn/7");
        });
        JsonNode complete = JSON.readTree(ingest.bodies.get(1));
        List<JsonNode> facetObjects = List.of(complete.at("/run/facets"), complete.at("/inputs/0/inputFacets"), complete.at("/outputs/0/facets"));
        java.util.Set<io.headwater.openlineage.Facets.Headwater> written = java.util.EnumSet.noneOf(io.headwater.openlineage.Facets.Headwater.class);
        for (JsonNode facets : facetObjects) {
            facets.fields().forEachRemaining(facet -> {
                if (facet.getKey().startsWith("headwater_")) {
                    io.headwater.openlineage.Facets.Headwater known = io.headwater.openlineage.Facets.Headwater.byKey(facet.getKey()).orElseThrow(
                            () -> new AssertionError("ingest does not read " + facet.getKey()));
                    written.add(known);
                    assertThat(facet.getValue().path("_schemaURL").asText()).as(facet.getKey()).isEqualTo(known.schemaUrl());
                }
            });
        }
        assertThat(written).containsExactlyInAnyOrder(io.headwater.openlineage.Facets.Headwater.values());
    }

    @Test
    void anExceptionIsAFailWithItsMessageAndIsThrownOn() {
        TrainingRun run = TrainingRun.start("churn-train", "ml", transport(ingest.url()), new EnvironmentCapture(Map.of()), temp);
        assertThatThrownBy(() -> TrainingRun.record(run, r -> {
            throw new IllegalStateException("out of memory on the GPU");
        })).isInstanceOf(IllegalStateException.class);
        JsonNode fail = read(ingest.bodies.get(1));
        assertThat(fail.get("eventType").asText()).isEqualTo("FAIL");
        assertThat(fail.at("/run/facets/errorMessage/message").asText()).isEqualTo("java.lang.IllegalStateException: out of memory on the GPU");
        assertThat(fail.at("/run/facets/errorMessage/stackTrace").asText()).contains("TrainingRunTest");
    }

    @Test
    void eventsIngestCannotTakeAreSpooledAndSentFirstWhenItIsBack() {
        LineageTransport down = transport("http://127.0.0.1:9");
        TrainingRun first = TrainingRun.start("churn-train", "ml", down, new EnvironmentCapture(Map.of()), temp);
        first.close();
        assertThat(down.pending()).isEqualTo(2);
        LineageTransport up = transport(ingest.url());
        TrainingRun second = TrainingRun.start("churn-train", "ml", up, new EnvironmentCapture(Map.of()), temp);
        second.close();
        assertThat(up.pending()).isZero();
        assertThat(ingest.bodies.stream().map(b -> read(b).at("/run/runId").asText()).toList())
                .containsExactly(first.runId(), first.runId(), second.runId(), second.runId());
    }

    @Test
    void aRefusedEventIsKeptAsideNotRetried() throws Exception {
        ingest.status = body -> 422;
        LineageTransport transport = transport(ingest.url());
        TrainingRun.start("churn-train", "ml", transport, new EnvironmentCapture(Map.of()), temp).close();
        assertThat(transport.pending()).isZero();
        assertThat(Files.readAllLines(temp.resolve("spool/rejected.ndjson"))).hasSize(2);
    }

    @Test
    void gpusFromAStandInNvidiaSmi() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path fixtures = Path.of("src/test/resources/gpu").toAbsolutePath();
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, """
                #!/bin/sh
                as_h100() { sed -e 's/NVIDIA H200/NVIDIA H100 80GB HBM3/' -e 's/143771/81559/g' "$1"; }
                case "$1" in
                  --query-gpu=*) as_h100 '%s/query-gpu-noheader.csv' ;;
                  *) as_h100 '%s/nvidia-smi.txt' ;;
                esac
                """.formatted(fixtures, fixtures));
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        List<Map<String, Object>> gpus = new EnvironmentCapture(env).gpus();
        assertThat(gpus).containsExactly(Map.of("model", "NVIDIA H100 80GB HBM3", "driverVersion", "580.159.04", "cudaVersion", "13.0", "memoryMiB", 81559L));
        assertThat(new EnvironmentCapture(Map.of("PATH", temp.toString())).gpus()).isEmpty();
    }

    @Test
    void gitRemoteLosesItsCredentialsAndJarsAreNamedWithVersions() {
        assertThat(EnvironmentCapture.withoutCredentials("https://alice:tok3n@github.com/acme/churn.git")).isEqualTo("https://github.com/acme/churn.git");
        assertThat(EnvironmentCapture.withoutCredentials("git@github.com:acme/churn.git")).isEqualTo("git@github.com:acme/churn.git");
        assertThat(EnvironmentCapture.packages("/x/lib/jackson-databind-2.19.2.jar:/y/classes:/z/xgboost4j_2.12-2.1.0.jar"))
                .containsExactly(Map.of("name", "jackson-databind", "version", "2.19.2"), Map.of("name", "xgboost4j_2.12", "version", "2.1.0"));
        assertThat(DatasetNames.of("s3://lake/a/b")).containsExactly("s3://lake", "a/b");
        assertThat(DatasetNames.of("/data/x.csv")).containsExactly("file", "/data/x.csv");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
