package io.headwater.e2e;

import io.headwater.contract.Topics;
import io.headwater.devstack.EmbeddedKafka;
import io.headwater.devstack.ServiceJars;
import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topics outside the dev stack: a service does not start on a cluster that lacks its topics, saying which
 * and how to fix it; {@code ./headwater topics apply} creates them (idempotently) and {@code check} agrees.
 */
class TopicsIT {

    @TempDir
    Path dir;

    @Test
    void aServiceRefusesToStartWithoutItsTopicsAndTheTopicsCommandProvidesThem() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.on(dir.resolve("kafka"), 0, 0).start()) {
            Map<String, String> config = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "headwater.schema-registry.url", "http://127.0.0.1:9");
            ServiceProcess refused = ServiceProcess.launch("ingest-service", ServiceJars.of(ServiceJars.INGEST), EmbeddedKafka.freePort(), config,
                    dir.resolve("ingest-refused.log"), LocalPlatform.SMALL_JVM, true);
            await().atMost(Duration.ofSeconds(60)).until(() -> !refused.isAlive());
            assertThat(refused.exitCode()).isNotZero();
            String log = Files.readString(refused.logFile());
            assertThat(log).contains("ingest-service cannot start").contains(Topics.LINEAGE.name() + " is missing")
                    .contains(Topics.DEAD_LETTER.name() + " is missing").contains("./headwater topics apply");

            Result check = headwater(kafka, "topics", "check");
            assertThat(check.status()).isEqualTo(1);
            assertThat(check.output()).contains(Topics.GRAPH_NODES.name() + " is missing");
            Result apply = headwater(kafka, "topics", "apply", "--partitions", "3");
            assertThat(apply.status()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("all " + Topics.ALL.size() + " as expected");
            assertThat(headwater(kafka, "topics", "check", "--partitions", "3").status()).isZero();

            ServiceProcess started = ServiceProcess.launch("ingest-service", ServiceJars.of(ServiceJars.INGEST), EmbeddedKafka.freePort(), config,
                    dir.resolve("ingest-started.log"), LocalPlatform.SMALL_JVM, true);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(started.logFile()).contains("topics it needs exist"));
                assertThat(started.isAlive()).isTrue();
            } finally {
                started.kill();
            }
        }
    }

    private record Result(int status, String output) {
    }

    private static Result headwater(EmbeddedKafka kafka, String... args) throws Exception {
        Path root = ServiceJars.repositoryRoot();
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("headwater").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
