package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.contract.graph.NodeId;
import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a secured deployment runs it: Kafka reachable only over SASL_SSL (SCRAM-SHA-512, a CA
 * made for the test, the broker's PLAINTEXT listener never given to a service), the registry behind basic
 * auth, every secret given as a file. Events flow end to end; no secret shows in a log or an answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterIT {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.securedWithGraph();

    @Test
    @Order(1)
    void eventsAndDecisionsFlowEndToEndOverSaslSslThroughTheAuthenticatedRegistry() {
        assertThat(PLATFORM.platform().clientConfig()).containsEntry("kafka.security.protocol", "SASL_SSL");
        for (Path event : Fixtures.events("spark-captured")) {
            PLATFORM.ingest("/api/v1/lineage", read(event)).expect(201);
        }
        String revenue = NodeId.dataset("file", "/srv/spark-demo/data/out/revenue_by_country").value();
        JsonNode lineage = PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/lineage?nodeId=" + Http.encode(revenue)),
                answer -> answer.path("graph").size() >= 3, Duration.ofSeconds(90));
        List<String> kinds = new ArrayList<>();
        lineage.path("graph").forEach(node -> kinds.add(node.path("type").asText()));
        assertThat(kinds).as("the Spark job and its datasets, projected by lineage-streams over SASL_SSL").contains("JOB", "DATASET");
        PLATFORM.ingest("/api/v1/decisions", """
                {"decisionId":"secured-1","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"ok":true}}""").expect(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(PLATFORM.query("/api/v1/decisions/secured-1").status()).isEqualTo(200));
        for (ServiceProcess service : services()) {
            PLATFORM.http().get(service.url() + "/q/health/ready").expect(200);
        }
    }

    @Test
    @Order(2)
    void theRegistryLetsNoOneInWithoutCredentialsButProbesStayOpen() {
        String registry = PLATFORM.platform().registry.url();
        Http.Response anonymous = PLATFORM.http().get(registry + "/subjects");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("headwater:not-the-password".getBytes());
        assertThat(PLATFORM.http().send("GET", registry + "/subjects", null, "Authorization", wrong).status()).isEqualTo(401);
        assertThat(PLATFORM.http().get(registry + "/q/health/ready").status()).isEqualTo(200);
        // The services registered the contract's schemas through it, so they did authenticate.
        String right = "Basic " + Base64.getEncoder().encodeToString(("headwater:" + registryPassword()).getBytes());
        assertThat(PLATFORM.http().send("GET", registry + "/subjects", null, "Authorization", right).expect(200).body())
                .contains(io.headwater.contract.Topics.LINEAGE.name());
    }

    @Test
    @Order(3)
    void noSecretAppearsInAnyLogOrHealthAnswer() throws Exception {
        List<String> secrets = PLATFORM.platform().secrets();
        assertThat(secrets).hasSize(3);
        List<String> leaks = new ArrayList<>();
        for (ServiceProcess service : services()) {
            String log = Files.readString(service.logFile());
            String health = PLATFORM.http().get(service.url() + "/q/health").body();
            for (String secret : secrets) {
                if (log.contains(secret)) {
                    leaks.add(service.name() + " log");
                }
                if (health.contains(secret)) {
                    leaks.add(service.name() + " health");
                }
            }
            assertThat(log).as(service.name() + " log says how it reaches Kafka").containsPattern("SASL_SSL|security.protocol");
        }
        assertThat(leaks).isEmpty();
    }

    private static List<ServiceProcess> services() {
        return List.of(PLATFORM.platform().registry, PLATFORM.platform().ingest, PLATFORM.platform().streams, PLATFORM.platform().query);
    }

    private static String registryPassword() {
        try {
            String file = PLATFORM.platform().clientConfig().get("headwater.schema-registry.basic-auth-file");
            return Files.readString(Path.of(file)).strip().substring("headwater:".length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
