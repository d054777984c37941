package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emitters against the real PLATFORM.platform(). Python: the example training script runs as a user would
 * run it (a stand-in nvidia-smi on PATH printing what an H100 prints), ingest accepts every event,
 * and the query service answers with what the emitter captured: the repository's commit, the GPU,
 * the Python packages, parameters, metrics and the model version. Java: a TrainingRun and the
 * DecisionsClient, and the decisions are traced to it.
 */
class EmittersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("headwater.home", "..")).toAbsolutePath().normalize();
    @RegisterExtension
    /** The emitters send with a producer's key, as the OpenLineage clients' api_key auth does (HEADWATER_API_KEY). */
    static final PlatformExtension PLATFORM = PlatformExtension.withGraphAndKeys();

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theExampleTrainingScriptIsRecordedDownToTheGpu() throws Exception {
        // As the registry interop test with npm: skipped, saying so, where python3 is missing (.ci/run installs it).
        org.junit.jupiter.api.Assumptions.assumeTrue(pythonAvailable(), "python3 is not installed: the Python emitter end-to-end test is skipped");
        Path bin = Files.createTempDirectory("fake-gpu");
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/usr/bin/env python3\nimport sys\nsys.path.insert(0, '" + ROOT.resolve("clients/python/tests")
                + "')\nimport fake_nvidia_smi\nsys.exit(fake_nvidia_smi.main(sys.argv[1:]))\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path spool = Files.createTempDirectory("spool");
        String out = python(Map.of("PATH", bin + ":" + System.getenv("PATH"), "HEADWATER_URL", PLATFORM.platform().ingest.url(),
                        "HEADWATER_API_KEY", producerKey(),
                        "HEADWATER_SPOOL_DIR", spool.toString(), "HEADWATER_CONTAINER_IMAGE", "ghcr.io/acme/train:1.4@sha256:" + "cd".repeat(32)),
                "clients/python/examples/train_churn.py", "--model-version", "42", "--epochs", "3", "--rows", "800");
        String runId = out.replaceAll("(?s).*run ([0-9a-f-]{36}) recorded.*", "$1");
        assertThat(runId).hasSize(36);
        assertThat(spool.resolve("events.ndjson")).doesNotExist();
        assertThat(spool.resolve("rejected.ndjson")).doesNotExist();

        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> get("/api/v1/runs/" + runId), r -> r != null && "COMPLETE".equals(r.path("state").asText()) && r.path("producedModelVersions").size() == 1);
        assertThat(run.at("/environment/gpus/0/model").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(run.at("/environment/gpus/0/memoryMiB").asInt()).isEqualTo(81559);
        assertThat(run.at("/environment/gpus/0/cudaVersion").asText()).isEqualTo("13.0");
        assertThat(run.at("/environment/runtime").asText()).isEqualTo("python");
        assertThat(run.at("/environment/imageDigest").asText()).isEqualTo("sha256:" + "cd".repeat(32));
        assertThat(run.at("/parameters/epochs").asText()).isEqualTo("3");
        List<String> metrics = new ArrayList<>();
        run.get("metrics").forEach(m -> metrics.add(m.get("name").asText() + "@" + m.path("step").asText("-")));
        assertThat(metrics).contains("auc@1", "auc@2", "auc@3", "accuracy@-");
        assertThat(run.at("/producedModelVersions/0").asText()).isEqualTo("model:churn#42");
        assertThat(run.at("/inputs/0/role").asText()).isIn("training", "test");
        String head = git("rev-parse", "HEAD");
        if (head != null) {
            assertThat(run.at("/code/commit").asText()).isEqualTo(head);
            assertThat(run.at("/code/path").asText()).isEqualTo("clients/python/examples/train_churn.py");
        }
    }

    @Test
    void aJavaTrainingRunAndItsDecisionsAreRecorded() throws Exception {
        Path spool = Files.createTempDirectory("spool");
        io.headwater.client.ClientConfig config = io.headwater.client.ClientConfig.fromEnvironment().withUrl(PLATFORM.platform().ingest.url()).withSpoolDir(spool)
                .withApiKey(producerKey());
        io.headwater.client.TrainingRun run = io.headwater.client.TrainingRun.start("fraud-train", "jvm",
                new io.headwater.client.LineageTransport(config), new io.headwater.client.EnvironmentCapture(), ROOT);
        io.headwater.client.TrainingRun.record(run, r -> {
            r.params(Map.of("trees", 300, "max_depth", 6));
            r.input("s3://lake/transactions", "training", "2026-11-01");
            r.metric("auc", 0.97, 1L);
            r.referenceProfile(List.of(io.headwater.client.Distribution.numeric("amount", List.of(0.0, 10.0, 100.0), List.of(60L, 40L))), null);
            r.outputModel("fraud", "11", "s3://models/fraud/11");
        });
        try (io.headwater.client.DecisionsClient decisions = io.headwater.client.DecisionsClient.builder(config).batchSize(50).build()) {
            for (int i = 0; i < 120; i++) {
                decisions.send(io.headwater.client.Decision.of("jvm-" + i, "fraud", "11", Map.of("fraud", i % 10 == 0)));
            }
            assertThat(decisions.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(decisions.stats().sent()).isEqualTo(120);
            assertThat(decisions.stats().rejected()).isZero();
        }
        assertThat(spool.resolve("events.ndjson")).doesNotExist();
        assertThat(spool.resolve("rejected.ndjson")).doesNotExist();
        JsonNode provenance = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> get("/api/v1/decisions/jvm-7/provenance"), p -> p != null && p.path("trainingRun").has("id")
                        && p.at("/modelVersion/decisionCount").asLong() == 120);
        assertThat(provenance.at("/trainingRun/id").asText()).isEqualTo("run:" + run.runId());
        assertThat(provenance.at("/trainingRun/environment/runtime").asText()).isEqualTo("java");
        assertThat(provenance.at("/trainingRun/parameters/trees").asText()).isEqualTo("300");
        assertThat(provenance.at("/data/training/0/datasetVersion").asText()).isEqualTo("dataset:s3://lake:transactions#2026-11-01");
    }

    private static JsonNode get(String path) {
        Http.Response response = PLATFORM.query(path);
        return response.status() == 200 ? response.json() : null;
    }

    private static String python(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The checkout's commit, or null when the tests do not run in a git checkout. */
    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String producerKey() {
        return PLATFORM.platform().authorization(io.headwater.contract.access.Roles.PRODUCER).substring("Bearer ".length());
    }
}
