package io.headwater.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionsClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private StubIngest ingest;

    @BeforeEach
    void start() throws Exception {
        ingest = new StubIngest();
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private ClientConfig config() {
        return new ClientConfig(ingest.url(), null, Path.of("unused"), Duration.ofSeconds(5));
    }

    @Test
    void decisionsGoInBatches() throws Exception {
        try (DecisionsClient client = DecisionsClient.builder(config()).batchSize(100).linger(Duration.ofMillis(200)).build()) {
            for (int i = 0; i < 1000; i++) {
                client.send(Decision.of("d-" + i, "churn", "7", Map.of("churn", i % 2 == 0)));
            }
            assertThat(client.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(client.stats().sent()).isEqualTo(1000);
        }
        assertThat(ingest.bodies).hasSizeBetween(10, 20);
        int total = 0;
        for (String body : ingest.bodies) {
            total += JSON.readTree(body).size();
            assertThat(JSON.readTree(body).size()).isLessThanOrEqualTo(100);
        }
        assertThat(total).isEqualTo(1000);
        assertThat(JSON.readTree(ingest.bodies.get(0)).get(0).get("decisionTime").asText()).endsWith("Z");
        assertThat(JSON.readTree(ingest.bodies.get(0)).get(0).at("/output/churn").asBoolean()).isTrue();
    }

    @Test
    void anUnavailableIngestIsRetriedWithBackoff() {
        AtomicInteger calls = new AtomicInteger();
        ingest.status = body -> calls.incrementAndGet() <= 2 ? 503 : 201;
        try (DecisionsClient client = DecisionsClient.builder(config()).initialBackoff(Duration.ofMillis(50)).build()) {
            client.send(Decision.of("d-1", "churn", "7", 1));
            assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(client.stats().sent()).isEqualTo(1);
            assertThat(client.stats().retries()).isEqualTo(2);
        }
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void oneInvalidDecisionIsRefusedAloneItsNeighboursAreSent() {
        ingest.status = body -> body.contains("\"bad\"") ? 422 : 201;
        List<String> refused = new CopyOnWriteArrayList<>();
        try (DecisionsClient client = DecisionsClient.builder(config()).linger(Duration.ofMillis(200))
                .onRejected((d, why) -> refused.add(d.decisionId())).build()) {
            client.send(Decision.of("ok-1", "churn", "7", 1));
            client.send(Decision.of("bad", "churn", "7", 1));
            client.send(Decision.of("ok-2", "churn", "7", 1));
            assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(client.stats().sent()).isEqualTo(2);
            assertThat(client.stats().rejected()).isEqualTo(1);
        }
        assertThat(refused).containsExactly("bad");
    }

    @Test
    void aFullQueueBlocksThenPushesBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ingest.status = body -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 201;
        };
        try (DecisionsClient client = DecisionsClient.builder(config()).batchSize(1).capacity(5).blockTimeout(Duration.ofMillis(300)).build()) {
            int accepted = 0;
            long began = System.nanoTime();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    client.send(Decision.of("d-" + i, "churn", "7", i));
                }
            }).isInstanceOf(DecisionsClient.BackpressureException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(client.trySend(Decision.of("x", "churn", "7", 0))).isFalse();
            assertThat(client.stats().queued()).isEqualTo(5);
            release.countDown();
            assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(client.stats().sent()).isEqualTo(6);
        }
    }
}
