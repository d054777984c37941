package io.headwater.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.GraphSnapshot;
import io.headwater.testkit.LocalPlatform;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chaos against the real platform: a bounded load of uniquely identified runs (a START and a COMPLETE
 * each) is sent over HTTP by clients that retry until acknowledged, while ingest, lineage-streams,
 * query-service and the broker are each killed with SIGKILL in turn and started again. Afterwards every
 * acknowledged run must be in the query API in its final state, no run may have doubled events, and the
 * graph must equal a clean replay of the same events on a fresh platform. {@code ./headwater chaos} runs
 * the long version; ChaosIT a short one.
 */
public final class ChaosRun {

    /** What to kill, in this order, spread over the load. */
    public static final List<String> TARGETS = List.of("ingest-service", "lineage-streams", "query-service", "kafka");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Thirty days ago at midnight: recent, so no decision of the run is past its retention and expires (which would read as lost). */
    private static final Instant BASE = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(java.time.Duration.ofDays(30));

    /** @param runs unique runs (two events each); @param clients concurrent HTTP clients */
    public record Settings(int runs, int clients, List<String> kills, Duration settle) {
    }

    /** Time from a kill until a run sent right after it was answered by the query API. */
    public record Recovery(String target, double seconds) {
    }

    public record Report(int events, int probes, int acknowledged, long attempts, int lost, int duplicated, List<Recovery> recoveries,
                         int nodes, int edges, List<String> nodeDifferences, List<String> edgeDifferences, Duration took) {
        public boolean passed() {
            return lost == 0 && duplicated == 0 && nodeDifferences.isEmpty() && edgeDifferences.isEmpty() && acknowledged == events;
        }

        public void print(PrintStream out) {
            out.printf("chaos: %d events sent (%d runs, the probes after each kill included), %d of the load acknowledged, %d HTTP attempts (%d re-sent after a refusal or a dead service)%n",
                    events + probes, events / 2 + probes, acknowledged, attempts, attempts - events - probes);
            out.printf("chaos: lost %d, duplicated %d%n", lost, duplicated);
            for (Recovery r : recoveries) {
                out.printf("chaos: kill -9 of %-15s recovered in %.1f s (kill to a new run answered by the query API)%n", r.target(), r.seconds());
            }
            out.printf("chaos: graph after chaos vs a clean replay of the same events: %d nodes, %d edges, %d node and %d edge differences%s%n",
                    nodes, edges, nodeDifferences.size(), edgeDifferences.size(),
                    nodeDifferences.isEmpty() && edgeDifferences.isEmpty() ? "" : " (first: " + nodeDifferences + " " + edgeDifferences + ")");
            out.printf("chaos: %s in %d s%n", passed() ? "PASSED" : "FAILED", took.toSeconds());
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong attempts = new AtomicLong();

    public ChaosRun(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Report run() throws Exception {
        long began = System.nanoTime();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            events.add(event(i, "START"));
            events.add(event(i, "COMPLETE"));
        }
        List<Recovery> recoveries = new ArrayList<>();
        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        List<String> probes = new ArrayList<>();
        GraphSnapshot afterChaos;
        int lost;
        int duplicated;
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM, true)) {
            out.println("chaos: platform up; sending " + events.size() + " events with " + settings.clients() + " clients");
            ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
            List<Future<?>> senders = sendAll(clients, platform, events, i -> acknowledged.put(i, true));
            for (int k = 0; k < settings.kills().size(); k++) {
                // Spread the kills over the load: the k-th once (k+1)/(kills+1) of the events are acknowledged.
                int due = events.size() * (k + 1) / (settings.kills().size() + 1);
                while (acknowledged.size() < due && senders.stream().anyMatch(f -> !f.isDone())) {
                    Thread.sleep(50);
                }
                String target = settings.kills().get(k);
                recoveries.add(kill(platform, target, probes));
                out.printf("chaos: %s back after %.1f s%n", target, recoveries.get(recoveries.size() - 1).seconds());
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            clients.shutdown();
            out.println("chaos: load done; " + acknowledged.size() + " of " + events.size() + " acknowledged; checking every run");
            lost = lostRuns(platform, acknowledged);
            afterChaos = GraphSnapshot.settled(platform.bootstrapServers(), platform.registry.url(), settings.settle());
            duplicated = doubledRuns(afterChaos);
        }
        long chaosAttempts = attempts.get();
        out.println("chaos: replaying the same events on a fresh platform");
        GraphSnapshot replay;
        try (LocalPlatform clean = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            List<String> all = new ArrayList<>(events);
            all.addAll(probes);
            ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
            List<Future<?>> senders = sendAll(clients, clean, all, i -> { });
            for (Future<?> sender : senders) {
                sender.get();
            }
            clients.shutdown();
            replay = GraphSnapshot.settled(clean.kafka.bootstrapServers(), clean.registry.url(), settings.settle());
        }
        return new Report(events.size(), probes.size(), acknowledged.size(), chaosAttempts, lost, duplicated, recoveries,
                afterChaos.nodes().size(), afterChaos.edges().size(),
                GraphSnapshot.differences(afterChaos.nodes(), replay.nodes(), 5), GraphSnapshot.differences(afterChaos.edges(), replay.edges(), 5),
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** The events shared out to the clients, each sent until acknowledged; {@code acknowledged} gets each acknowledged index. */
    private List<Future<?>> sendAll(ExecutorService clients, LocalPlatform platform, List<String> events,
                                    java.util.function.IntConsumer acknowledged) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            senders.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                    if (sendUntilAcknowledged(platform, events.get(i))) {
                        acknowledged.accept(i);
                    }
                }
                return null;
            }));
        }
        return senders;
    }

    /** kill -9 of the target, started again; recovered once a run sent after the kill is answered by the query API. */
    private Recovery kill(LocalPlatform platform, String target, List<String> probes) throws Exception {
        long killedAt = System.nanoTime();
        switch (target) {
            case "kafka" -> {
                platform.killBroker();
                platform.startBroker();
            }
            case "ingest-service" -> restart(platform, platform.ingest);
            case "lineage-streams" -> restart(platform, platform.streams);
            case "query-service" -> restart(platform, platform.query);
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
        String runId = UUID.randomUUID().toString();
        String probe = probeEvent(runId, probes.size());
        probes.add(probe);
        sendUntilAcknowledged(platform, probe);
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline && !complete(platform, runId)) {
            Thread.sleep(100);
        }
        return new Recovery(target, (System.nanoTime() - killedAt) / 1e9);
    }

    private static void restart(LocalPlatform platform, ServiceProcess service) {
        service.kill();
        platform.restart(service);
    }

    /** Sends one event until ingest answers 201 (503, a dead service, a timeout: wait a little and send it again). */
    private boolean sendUntilAcknowledged(LocalPlatform platform, String event) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            attempts.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.ingest.url() + "/api/v1/lineage"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return true;
                }
                if (response.statusCode() / 100 == 4) {
                    throw new IllegalStateException("a chaos event was refused: " + response.body());
                }
            } catch (java.io.IOException e) {
                // the service is down or restarting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(200);
        }
        return false;
    }

    /** Acknowledged runs (both events acknowledged) not answered COMPLETE by the query API within the settle time. */
    private int lostRuns(LocalPlatform platform, Map<Integer, Boolean> acknowledged) throws Exception {
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            if (acknowledged.containsKey(2 * i) && acknowledged.containsKey(2 * i + 1)) {
                pending.add(runId(i));
            }
        }
        long deadline = System.nanoTime() + settings.settle().toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            List<String> still = new ArrayList<>();
            for (String runId : pending) {
                if (!complete(platform, runId)) {
                    still.add(runId);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        return pending.size();
    }

    private boolean complete(LocalPlatform platform, String runId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.query.url() + "/api/v1/runs/" + runId))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode run = JSON.readTree(response.body());
            return "COMPLETE".equals(run.path("state").asText());
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Run nodes that count more events than the two each run was sent with. */
    private static int doubledRuns(GraphSnapshot graph) {
        int doubled = 0;
        for (GraphNode node : graph.nodes().values()) {
            if (node.getKind() == NodeKind.RUN) {
                String events = node.getAttributes().get(NodeAttributes.Run.EVENTS);
                if (events != null && Integer.parseInt(events) > 2) {
                    doubled++;
                }
            }
        }
        return doubled;
    }

    static String runId(int i) {
        return UUID.nameUUIDFromBytes(("chaos-run-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Run i's START or COMPLETE: jobs and datasets shared by many runs, so versions and reads interleave. */
    static String event(int i, String type) {
        Instant time = BASE.plusSeconds(60L * i + ("START".equals(type) ? 0 : 30));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", type);
        event.put("eventTime", time.toString());
        event.put("producer", "https://headwater.dev/chaos");
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        event.put("run", Map.of("runId", runId(i)));
        event.put("job", Map.of("namespace", "chaos", "name", "job_" + (i % 50)));
        event.put("inputs", List.of(Map.of("namespace", "file", "name", "/chaos/in/" + (i % 20))));
        event.put("outputs", "START".equals(type) ? List.of() : List.of(Map.of("namespace", "file", "name", "/chaos/out/" + (i % 50))));
        try {
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String probeEvent(String runId, int n) {
        return """
                {"eventType":"COMPLETE","eventTime":"%s","producer":"https://headwater.dev/chaos","schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"%s"},"job":{"namespace":"chaos","name":"probe_%d"},"inputs":[],"outputs":[]}"""
                .formatted(BASE.minusSeconds(3600L * (n + 1)), runId, n);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ./headwater chaos [runs]}: the long version (10,000 runs, 20,000 events, every target killed). */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.println("machine: " + io.headwater.bench.Machine.describe());
        Report report = new ChaosRun(new Settings(runs, 4, TARGETS, Duration.ofSeconds(300)), System.out).run();
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
