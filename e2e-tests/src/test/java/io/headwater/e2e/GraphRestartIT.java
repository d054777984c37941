package io.headwater.e2e;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.Topics;
import io.headwater.devstack.Fixtures;
import io.headwater.devstack.LocalPlatform;
import io.headwater.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lineage-streams on the real broker, exactly once: the graph built by a run that was killed
 * (a real SIGKILL of the process) half-way and restarted equals the graph of an uninterrupted run.
 */
class GraphRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static List<Path> events() {
        List<Path> events = new ArrayList<>(Fixtures.events("spark-captured"));
        events.addAll(Fixtures.events("airflow"));
        return events;
    }

    @Test
    void aKilledAndRestartedGraphBuilderEndsWithTheSameGraph() throws Exception {
        Graph uninterrupted;
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            post(platform, events());
            uninterrupted = settledGraph(platform);
        }
        assertThat(uninterrupted.nodes()).hasSizeGreaterThan(30);
        // The Spark chain: job2's SQL run reads the version job1 wrote.
        String version = "dataset:file:/srv/spark-demo/data/out/revenue_by_country#01a215d8-b242-752e-8681-58dc1af79577";
        assertThat(uninterrupted.edges().values()).anyMatch(e -> e.getKind() == EdgeKind.READ && e.getSource().equals(version));

        Graph restarted;
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            List<Path> events = events();
            post(platform, events.subList(0, events.size() / 2));
            Thread.sleep(1_500);
            platform.streams.kill();
            post(platform, events.subList(events.size() / 2, events.size()));
            platform.startStreams();
            restarted = settledGraph(platform);
        }
        assertThat(restarted.nodes()).isEqualTo(uninterrupted.nodes());
        assertThat(restarted.edges()).isEqualTo(uninterrupted.edges());
    }

    private static void post(LocalPlatform platform, List<Path> events) throws Exception {
        for (Path event : events) {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.ingest.url() + "/api/v1/lineage"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(event))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(event.toString()).isEqualTo(201);
        }
    }

    private record Graph(Map<String, GraphNode> nodes, Map<String, GraphEdge> edges) {
    }

    /** The graph topics as a compacted reader sees them, once they have stopped changing. */
    private static Graph settledGraph(LocalPlatform platform) throws InterruptedException {
        Graph previous = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Graph current = new Graph(latest(platform, Topics.GRAPH_NODES, GraphNode.class), latest(platform, Topics.GRAPH_EDGES, GraphEdge.class));
            if (previous != null && previous.equals(current) && !current.nodes().isEmpty()) {
                return current;
            }
            previous = current;
            Thread.sleep(3_000);
        }
        throw new AssertionError("the graph did not settle within 120 s");
    }

    private static <T> Map<String, T> latest(LocalPlatform platform, String topic, Class<T> type) {
        Map<String, T> latest = new TreeMap<>();
        long[] quietSince = {System.nanoTime()};
        int[] seen = {0};
        List<ConsumerRecord<String, T>> records = TopicReader.avro(platform.kafka.bootstrapServers(), platform.registry.url(), topic, type, read -> {
            if (read.size() != seen[0]) {
                seen[0] = read.size();
                quietSince[0] = System.nanoTime();
            }
            return System.nanoTime() - quietSince[0] > Duration.ofSeconds(2).toNanos();
        }, Duration.ofSeconds(30));
        for (ConsumerRecord<String, T> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }
}
