package io.headwater.e2e;

import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.GraphSnapshot;
import io.headwater.testkit.Http;
import io.headwater.testkit.KafkaCluster;
import io.headwater.testkit.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out on a real three-node KRaft cluster (replication factor 3, min.insync.replicas 2): two of each
 * service, six partitions per topic. Under steady load one broker is stopped, one lineage-streams
 * instance and one query-service instance are killed (-9), one after the other. Ingest keeps
 * acknowledging, the surviving instances take over the work, every acknowledged event is in the graph at
 * the end, and the graph equals a clean replay of the same events. The time to recover from each fault is printed.
 */
class ScaleOutIT {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void oneBrokerOneGraphBuilderAndOneQueryInstanceLostUnderLoadAndNothingAcknowledgedIsLost() throws Exception {
        try (KafkaCluster cluster = new KafkaCluster(dir.resolve("kafka"), 3);
             LocalPlatform platform = LocalPlatform.onCluster(cluster, 6, LocalPlatform.SMALL_JVM)) {
            ServiceProcess ingest2 = platform.startIngest();
            ServiceProcess streams1 = platform.streams;
            ServiceProcess streams2 = platform.startStreams();
            ServiceProcess query1 = platform.query;
            ServiceProcess query2 = platform.startQuery();
            Http http = new Http();
            List<String> ingests = List.of(platform.ingest.url(), ingest2.url());

            List<String> decisions = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String id = "scale-" + i;
                http.post(ingests.get(i % 2) + "/api/v1/decisions", """
                        {"decisionId":"%s","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"i":%d}}"""
                        .formatted(id, i)).expect(201);
                decisions.add(id);
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, String> bodies = new ConcurrentHashMap<>();
            AtomicLong lastAck = new AtomicLong(System.nanoTime());
            AtomicLong longestGap = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    String run = UUID.randomUUID().toString();
                    String body = PoisonInputIT.runEvent(run, "COMPLETE", Instant.now().toString(), "scale_job_" + (n % 20), "{}");
                    try {
                        Http.Response response = http.post(ingests.get(n++ % 2) + "/api/v1/lineage", body);
                        if (response.status() == 201) {
                            bodies.put(run, body);
                            acknowledged.add(run);
                            long now = System.nanoTime();
                            longestGap.accumulateAndGet(now - lastAck.getAndSet(now), Math::max);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                    sleep(40);
                }
            }, "scale-load");
            load.start();
            try {
                sleep(5_000);
                longestGap.set(0);
                long brokerDown = System.nanoTime();
                cluster.stop(1);
                int before = acknowledged.size();
                sleep(10_000);
                int during = acknowledged.size() - before;
                cluster.start(1);
                System.out.printf("scale-out: broker 2 of 3 stopped (not a controlled shutdown) for 10 s: %d events acknowledged meanwhile, longest gap between acks %.1f s, %d refused%n",
                        during, longestGap.get() / 1e9, refused.get());
                assertThat(during).as("ingest kept acknowledging with two of three brokers").isGreaterThan(20);
                assertThat(longestGap.get()).as("no ack gap longer than 15 s").isLessThan(Duration.ofSeconds(15).toNanos());
                System.out.printf("scale-out: broker back after %.1f s%n", (System.nanoTime() - brokerDown) / 1e9);

                long killedStreams = System.nanoTime();
                streams2.kill();
                String probe = awaitNewRunInGraph(http, query1, acknowledged);
                System.out.printf("scale-out: lineage-streams instance killed; a run sent after it is in the graph %.1f s later (%s)%n",
                        (System.nanoTime() - killedStreams) / 1e9, probe);

                long killedQuery = System.nanoTime();
                query2.kill();
                http.await(query1.url() + "/q/health/ready", answer -> "UP".equals(answer.path("status").asText()), SETTLE);
                for (String decision : decisions) {
                    http.await(query1.url() + "/api/v1/decisions/" + decision, answer -> decision.equals(answer.path("decisionId").asText()), SETTLE);
                }
                System.out.printf("scale-out: query-service instance killed; all %d decisions answered by the survivor %.1f s later%n",
                        decisions.size(), (System.nanoTime() - killedQuery) / 1e9);
            } finally {
                running.set(false);
                load.join(10_000);
            }

            long checking = System.nanoTime();
            List<String> missing = new ArrayList<>(acknowledged);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                missing.removeIf(run -> http.get(query1.url() + "/api/v1/runs/" + run).status() == 200);
                if (!missing.isEmpty()) {
                    sleep(1_000);
                }
            }
            System.out.printf("scale-out: %d acknowledged runs, %d missing from the graph after %.1f s (%d refused with 5xx/errors)%n",
                    acknowledged.size(), missing.size(), (System.nanoTime() - checking) / 1e9, refused.get());
            assertThat(missing).as("acknowledged runs missing from the graph").isEmpty();
            assertThat(streams1.isAlive()).isTrue();
            assertThat(refused.get()).as("every event was acknowledged, so a replay of them is the whole input").isZero();

            // The graph built through the faults equals a clean replay of the same events on a fresh one-node platform.
            GraphSnapshot afterFaults = GraphSnapshot.settled(cluster.bootstrapServers(), platform.registryUrl(), SETTLE);
            GraphSnapshot replay;
            try (LocalPlatform clean = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
                for (String body : bodies.values()) {
                    http.post(clean.ingest.url() + "/api/v1/lineage", body).expect(201);
                }
                replay = GraphSnapshot.settled(clean.bootstrapServers(), clean.registryUrl(), SETTLE);
            }
            System.out.printf("scale-out: graph after the faults %d nodes, %d edges; a clean replay %d nodes, %d edges%n",
                    afterFaults.nodes().size(), afterFaults.edges().size(), replay.nodes().size(), replay.edges().size());
            assertThat(GraphSnapshot.differences(afterFaults.nodes(), replay.nodes(), 5)).as("nodes that differ from a clean replay").isEmpty();
            assertThat(GraphSnapshot.differences(afterFaults.edges(), replay.edges(), 5)).as("edges that differ from a clean replay").isEmpty();
        }
    }

    /** Waits until a run acknowledged after this call answers from the graph; returns it. */
    private static String awaitNewRunInGraph(Http http, ServiceProcess query, Set<String> acknowledged) {
        Set<String> old = Set.copyOf(acknowledged);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String run : acknowledged) {
                if (!old.contains(run) && http.get(query.url() + "/api/v1/runs/" + run).status() == 200) {
                    return run;
                }
            }
            sleep(500);
        }
        throw new AssertionError("no run sent after the kill reached the graph within " + SETTLE.toSeconds() + " s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
