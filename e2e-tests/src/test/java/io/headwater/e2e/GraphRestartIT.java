package io.headwater.e2e;

import io.headwater.avro.EdgeKind;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.GraphSnapshot;
import io.headwater.testkit.Http;
import io.headwater.testkit.LocalPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lineage-streams on the real broker, exactly once: the graph built by a run that was killed
 * (a real SIGKILL of the process) half-way and restarted equals the graph of an uninterrupted run.
 */
class GraphRestartIT {

    private static final Http CALLS = new Http();

    private static List<Path> events() {
        List<Path> events = new ArrayList<>(Fixtures.events("spark-captured"));
        events.addAll(Fixtures.events("airflow"));
        return events;
    }

    @Test
    void aKilledAndRestartedGraphBuilderEndsWithTheSameGraph() throws Exception {
        GraphSnapshot uninterrupted;
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            post(platform, events());
            uninterrupted = settledGraph(platform);
        }
        assertThat(uninterrupted.nodes()).hasSizeGreaterThan(30);
        // The Spark chain: job2's SQL run reads the version job1 wrote.
        String version = "dataset:file:/srv/spark-demo/data/out/revenue_by_country#01a215d8-b242-752e-8681-58dc1af79577";
        assertThat(uninterrupted.edges().values()).anyMatch(e -> e.getKind() == EdgeKind.READ && e.getSource().equals(version));

        GraphSnapshot restarted;
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            List<Path> events = events();
            post(platform, events.subList(0, events.size() / 2));
            Thread.sleep(1_500);
            platform.streams.kill();
            post(platform, events.subList(events.size() / 2, events.size()));
            platform.restart(platform.streams);
            restarted = settledGraph(platform);
        }
        assertThat(restarted.nodes()).isEqualTo(uninterrupted.nodes());
        assertThat(restarted.edges()).isEqualTo(uninterrupted.edges());
    }

    private static void post(LocalPlatform platform, List<Path> events) throws Exception {
        for (Path event : events) {
            CALLS.post(platform.ingest.url() + "/api/v1/lineage", Files.readString(event)).expect(201);
        }
    }

    private static GraphSnapshot settledGraph(LocalPlatform platform) throws InterruptedException {
        return GraphSnapshot.settled(platform.kafka.bootstrapServers(), platform.registry.url(), Duration.ofSeconds(120));
    }
}
