package io.headwater.bench;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.LocalPlatform;
import io.headwater.testkit.RunEvents;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What access control costs: the same requests, one client after another, against a platform in open mode
 * without the audit, in open mode with it, and requiring API keys with the audit (the default: keys checked,
 * identity resolved, an audit record sent per request). Prints latencies side by side and their ratios to
 * the first; asserts nothing.
 * Settings: bench.requests (3000 per path), bench.warmup (2000).
 */
public final class AccessBenchmark {

    private record Result(Histogram ingest, Histogram lineage, Histogram decision, Histogram provenance) {
    }

    public static void main(String[] args) throws Exception {
        // The services' default expiry sweep (hourly), not the tests' 2 s: a sweep is not what is measured.
        System.setProperty("headwater.retention.expiry-interval", "PT1H");
        int requests = Integer.getInteger("bench.requests", 3000);
        int warmup = Integer.getInteger("bench.warmup", 2000);
        System.out.println("Headwater access benchmark: open mode against API keys + audit");
        System.out.println("machine: " + Machine.describe());
        System.out.printf("requests: %d per path after %d warm-up, one keep-alive client, sequential%n", requests, warmup);
        Result bare;
        try (LocalPlatform platform = new LocalPlatform(true, List.of("-Xmx512m", "-Dheadwater.audit.enabled=false"))) {
            bare = measure(platform, requests, warmup);
        }
        Result audited;
        try (LocalPlatform platform = new LocalPlatform(true, List.of("-Xmx512m"))) {
            audited = measure(platform, requests, warmup);
        }
        Result keys;
        try (LocalPlatform platform = LocalPlatform.withKeys(true, List.of("-Xmx512m"))) {
            keys = measure(platform, requests, warmup);
        }
        System.out.println("bare: open mode, no audit; audit: open mode with the audit; keys: API keys checked and the audit (the default)");
        System.out.printf("%-40s %9s %9s %9s %9s %9s %9s %7s %7s%n", "path", "bare p50", "audit p50", "keys p50", "bare p99", "audit p99",
                "keys p99", "audit x", "keys x");
        row("POST /api/v1/lineage (one Spark event)", bare.ingest(), audited.ingest(), keys.ingest());
        row("GET /api/v1/lineage (depth 2)", bare.lineage(), audited.lineage(), keys.lineage());
        row("GET /api/v1/decisions/{id}", bare.decision(), audited.decision(), keys.decision());
        row("GET /api/v1/decisions/{id}/provenance", bare.provenance(), audited.provenance(), keys.provenance());
    }

    private static Result measure(LocalPlatform platform, int requests, int warmup) throws Exception {
        String producer = platform.authorization(Roles.PRODUCER);
        String reader = platform.authorization(Roles.READER);
        Http http = new Http();
        for (Path event : Fixtures.events("spark-captured")) {
            http.withAuthorization(producer).post(platform.ingest.url() + "/api/v1/lineage", java.nio.file.Files.readString(event)).expect(201);
        }
        http.withAuthorization(producer).post(platform.ingest.url() + "/api/v1/decisions", """
                {"decisionId":"bench-1","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"ok":true}}""").expect(201);
        String dataset = NodeId.dataset("file", "/srv/spark-demo/data/out/revenue_by_country").value();
        String lineage = platform.query.url() + "/api/v1/lineage?depth=2&nodeId=" + Http.encode(dataset);
        http.withAuthorization(reader).await(lineage, a -> a.path("graph").size() >= 3, Duration.ofSeconds(90));
        http.withAuthorization(reader).await(platform.query.url() + "/api/v1/decisions/bench-1", a -> a.has("decisionId"), Duration.ofSeconds(90));
        // A model trained on the Spark job's output, and a decision of it: its provenance crosses the whole captured chain.
        // (The Spark job's output version is in the graph before the training reads it, as in reality.)
        http.withAuthorization(reader).await(platform.query.url() + "/api/v1/runs/01a215d9-621d-7ff9-a94f-918dbef73407",
                r -> r.path("outputs").size() > 0 && r.path("outputs").get(0).hasNonNull("datasetVersion"), Duration.ofSeconds(90));
        String run = UUID.randomUUID().toString();
        http.withAuthorization(producer).post(platform.ingest.url() + "/api/v1/lineage", RunEvents.run("START", run, Instant.now().minusSeconds(60))
                .job("ml", "bench-train").json()).expect(201);
        http.withAuthorization(producer).post(platform.ingest.url() + "/api/v1/lineage", RunEvents.run("COMPLETE", run, Instant.now().minusSeconds(30))
                .job("ml", "bench-train").input("file", "/srv/spark-demo/data/out/top_countries", "training")
                .model("s3://models", "bench/1", "bench", "1", "s3://models/bench/1", "sklearn").json()).expect(201);
        http.withAuthorization(reader).await(platform.query.url() + "/api/v1/models/bench/versions/1", v -> v.has("trainingRun"), Duration.ofSeconds(90));
        http.withAuthorization(producer).post(platform.ingest.url() + "/api/v1/decisions", """
                {"decisionId":"bench-2","modelName":"bench","modelVersion":"1","decisionTime":"%s","output":{"ok":true}}""".formatted(Instant.now())).expect(201);
        String provenance = platform.query.url() + "/api/v1/decisions/bench-2/provenance";
        http.withAuthorization(reader).await(provenance, a -> a.path("upstream").size() >= 2, Duration.ofSeconds(90));
        String template = new String(Fixtures.read("spark-captured", "0002-job1-sql-START.json"), StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram ingest = time(client, warmup, requests, () -> HttpRequest.newBuilder(URI.create(platform.ingest.url() + "/api/v1/lineage"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        template.replace("01a215d8-b242-752e-8681-58dc1af79577", UUID.randomUUID().toString()))), producer, 201);
        Histogram graph = time(client, warmup, requests, () -> HttpRequest.newBuilder(URI.create(lineage)).GET(), reader, 200);
        Histogram decision = time(client, warmup, requests,
                () -> HttpRequest.newBuilder(URI.create(platform.query.url() + "/api/v1/decisions/bench-1")).GET(), reader, 200);
        Histogram provenanceTimes = time(client, warmup, requests, () -> HttpRequest.newBuilder(URI.create(provenance)).GET(), reader, 200);
        return new Result(ingest, graph, decision, provenanceTimes);
    }

    private static Histogram time(HttpClient client, int warmup, int requests, java.util.function.Supplier<HttpRequest.Builder> request,
                                  String authorization, int expected) throws Exception {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < warmup + requests; i++) {
            HttpRequest.Builder builder = request.get();
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            long start = System.nanoTime();
            int status = client.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            long micros = (System.nanoTime() - start) / 1000;
            if (status != expected) {
                throw new IllegalStateException("answered " + status + ", expected " + expected);
            }
            if (i >= warmup) {
                histogram.recordValue(micros);
            }
        }
        return histogram;
    }

    private static void row(String path, Histogram bare, Histogram audited, Histogram keys) {
        System.out.printf("%-40s %7.2fms %7.2fms %7.2fms %7.2fms %7.2fms %7.2fms %6.2fx %6.2fx%n", path, ms(bare, 50), ms(audited, 50), ms(keys, 50),
                ms(bare, 99), ms(audited, 99), ms(keys, 99), ms(audited, 50) / ms(bare, 50), ms(keys, 50) / ms(bare, 50));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
