package io.headwater.demo;

import io.headwater.cli.print.AlertPrinter;
import io.headwater.cli.print.ComparisonPrinter;
import io.headwater.cli.print.ProvenancePrinter;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.client.ClientConfig;
import io.headwater.client.Decision;
import io.headwater.client.DecisionsClient;
import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Fixtures;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./headwater demo}: the whole story against a running platform. The Airflow DAGs and Spark
 * jobs of the fixtures prepare data; a training run (the Python emitter's example) records
 * parameters, metrics, environment, reference profile and a model version; 10,000 decisions are
 * served; monitoring windows drift. Then it prints the provenance of one decision and the drift
 * alert, with the URLs to look further.
 */
public final class Demo {

    private static final int DECISIONS = 10_000;
    /** The second training run: a smaller step, more epochs, another sample, so comparing the two shows what changed. */
    private static final Training.Recipe RETRAINING = new Training.Recipe(0.2, 12, 7);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        String ingest = arg(args, "--ingest", "http://127.0.0.1:5000");
        String query = arg(args, "--query", "http://127.0.0.1:8080");
        Path root = Path.of(arg(args, "--root", ".")).toAbsolutePath().normalize();
        // The dev stack's keys (./headwater up makes them); absent in open mode.
        String keys = arg(args, "--keys", null);
        run(new Platform(ingest, query, key(keys, "producer"), key(keys, "reader")), root, System.out);
    }

    private static String key(String dir, String role) throws java.io.IOException {
        if (dir == null || !java.nio.file.Files.isRegularFile(Path.of(dir, role + ".key"))) {
            return null;
        }
        return "Bearer " + java.nio.file.Files.readString(Path.of(dir, role + ".key")).strip();
    }

    /** The story; returns the decision whose provenance it printed. */
    public static String run(String ingest, String query, Path root, PrintStream out) throws Exception {
        return run(new Platform(ingest, query, null, null), root, out);
    }

    static String run(Platform platform, Path root, PrintStream out) throws Exception {
        String version = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        out.println("Headwater demo: churn model version " + version);

        out.println("1. Data preparation: the Airflow DAGs and Spark jobs of the fixtures (real OpenLineage events)");
        List<Path> events = new ArrayList<>(Fixtures.events("airflow"));
        events.addAll(Fixtures.events("spark-captured"));
        ProgressBar replay = new ProgressBar(out, "events", events.size());
        for (int i = 0; i < events.size(); i++) {
            platform.post("/api/v1/lineage", Files.readString(events.get(i)));
            replay.update(i + 1);
        }
        replay.done(events.size() + " events accepted");

        out.println("2. Training: parameters, metrics, git, environment, reference profile and the model version, through the emitter");
        String runId = Training.run(root, platform.ingest, version, Training.Recipe.FIRST, out);
        JsonNode trained = platform.await("/api/v1/models/churn/versions/" + version, v -> v.has("trainingRun"), Training.timeout());
        out.println("  run " + runId + " produced model churn version " + version);
        // What follows happens after the training, as in life: decisions and monitoring windows are timed from its end,
        // so asking as of a decision's time finds the model that made it.
        Instant trainedAt = trained.at("/version/createdAt").isTextual() ? Instant.parse(trained.at("/version/createdAt").asText()) : Instant.now();

        out.println("3. Serving: " + DECISIONS + " decisions through the Java decisions client (batched, retried, bounded)");
        String sample = "demo-" + version + "-" + 4242;
        ProgressBar serving = new ProgressBar(out, "decisions", DECISIONS);
        Random random = new Random(7);
        try (DecisionsClient client = DecisionsClient.builder(ClientConfig.fromEnvironment().withUrl(platform.ingest)).build()) {
            for (int i = 0; i < DECISIONS; i++) {
                double score = random.nextDouble();
                // Timed as it is sent: after the training, never ahead of the clock.
                client.send(Decision.of("demo-" + version + "-" + i, "churn", version, Map.of("churn", score > 0.7, "score", Math.round(score * 1000) / 1000.0))
                        .withSubject("customer-" + random.nextInt(50_000)).at(Instant.now()));
                if (i % 100 == 0) {
                    serving.update(client.stats().sent());
                }
            }
            client.flush(Duration.ofMinutes(2));
            serving.done(client.stats().sent() + " decisions acknowledged by Kafka");
        }
        platform.await("/api/v1/models/churn/versions/" + version, v -> v.at("/version/decisionCount").asLong() >= DECISIONS, Training.timeout());

        out.println("4. Monitoring: the time since training in windows, as trained at first, then customers with far shorter tenure");
        int windows = 8;
        ProgressBar monitoring = new ProgressBar(out, "windows", windows);
        // The serving so far, cut into equal windows (in production each would be an hour or a day).
        Instant hour = trainedAt;
        Duration width = Duration.between(trainedAt, Instant.now()).dividedBy(windows);
        for (int w = 0; w < windows; w++) {
            boolean drifted = w >= 5;
            List<Long> tenure = Training.tenureCounts(random, 5000, drifted ? 4 : 18);
            platform.post("/api/v1/monitoring", """
                    {"modelName":"churn","modelVersion":"%s","windowStart":"%s","windowEnd":"%s","sampleCount":5000,
                     "features":[{"feature":"tenure","kind":"NUMERIC","binEdges":%s,"counts":%s}]}"""
                    .formatted(version, hour.plus(width.multipliedBy(w)), hour.plus(width.multipliedBy(w + 1)), Training.TENURE_EDGES, tenure));
            monitoring.update(w + 1);
        }
        monitoring.done(windows + " windows sent (the last 3 drifted)");
        JsonNode alerts = platform.await("/api/v1/alerts?state=OPEN&model=churn&version=" + version, a -> a.size() > 0, Training.timeout());

        out.println("5. Retraining on the drift: a second run of the same job with other parameters and another sample");
        String retrained = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        retrained = retrained.equals(version) ? version + "-2" : retrained;
        String retrainingRunId = Training.run(root, platform.ingest, retrained, RETRAINING, out);
        platform.await("/api/v1/models/churn/versions/" + retrained, v -> v.has("trainingRun"), Training.timeout());
        out.println("  run " + retrainingRunId + " produced model churn version " + retrained);
        JsonNode comparison = platform.await("/api/v1/runs/compare?ids=" + runId + "," + retrainingRunId,
                c -> c.path("differences").asInt() > 0 && c.path("metrics").size() > 0, Training.timeout());
        out.println();
        out.println("What differs between the two training runs (./headwater runs compare " + runId + " " + retrainingRunId + ")?");
        out.println();
        ComparisonPrinter.comparison(comparison, false, out);

        out.println();
        out.println("Which data, code and environment produced decision " + sample + "?");
        out.println();
        JsonNode provenance = platform.await("/api/v1/decisions/" + sample + "/provenance", p -> p.has("trainingRun"), Training.timeout());
        ProvenancePrinter.provenance(provenance, out);
        out.println();
        AlertPrinter.grouped(alerts, out);
        out.println();
        out.println("Open it in a browser:");
        out.println("  " + platform.query + "/ui/decisions/" + sample);
        out.println("  " + platform.query + "/ui/models/churn/versions/" + Platform.encode(version));
        out.println("  " + platform.query + "/ui/runs/" + runId);
        out.println("  " + platform.query + "/ui/compare?runs=" + runId + "," + retrainingRunId);
        out.println("Or ask the API:");
        out.println("  " + platform.query + "/api/v1/decisions/" + sample + "/provenance");
        out.println("  " + platform.query + "/api/v1/runs/" + runId + "/reproduce");
        out.println("  " + platform.query + "/api/v1/impact?nodeId=" + Platform.encode(NodeId.dataset("file", "/srv/spark-demo/data/out/revenue_by_country").value()));
        out.println("  " + platform.query + "/api/v1/alerts?model=churn");
        out.println("  " + platform.query + "/q/swagger-ui");
        return sample;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
