package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.contract.Topics;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import io.headwater.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drift end to end on the real broker: a training run records a reference profile and produces
 * fraud v3; serving sends monitoring windows as trained (nothing happens), then shifted (one alert
 * per drifting metric, visible over REST and server-sent events within seconds, delivered to a
 * webhook that fails twice and takes the third try), then as trained again (resolved).
 */
class DriftAlertIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "webhook-secret-for-the-test";
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();
    private static HttpServer receiver;
    private static final AtomicInteger attempts = new AtomicInteger();
    private static final List<String[]> delivered = new CopyOnWriteArrayList<>();
    private static final List<String> streamed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The first two attempts fail, as a receiver being redeployed would.
            int status = attempts.incrementAndGet() <= 2 ? 503 : 204;
            if (status == 204) {
                delivered.add(new String[]{body, exchange.getRequestHeaders().getFirst("X-Headwater-Signature")});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aDriftingModelRaisesOneAlertPerMetricThatLeadsToItsProvenanceAndResolves() throws Exception {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Http.Response subscribed = PLATFORM.http().send("POST", PLATFORM.platform().query.url() + "/api/v1/alerts/webhooks", "{\"url\":\"" + hook + "\",\"model\":\"fraud\",\"secret\":\"" + SECRET + "\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(JSON.readTree(subscribed.body()).get("secret").asText()).isEqualTo(SECRET);
        assertThat(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/alerts/webhooks", null).body()).contains(hook).doesNotContain(SECRET);
        assertThat(PLATFORM.http().send("POST", PLATFORM.platform().query.url() + "/api/v1/alerts/webhooks", "{\"url\":\"ftp://nowhere\"}").status()).isEqualTo(400);

        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(PLATFORM.platform().query.url() + "/api/v1/alerts/stream?model=fraud")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        streamed.add(line.substring(5).trim());
                    }
                }));

        PLATFORM.ingest("/api/v1/lineage", training("START", T0)).expect(201);
        PLATFORM.ingest("/api/v1/lineage", training("COMPLETE", T0.plusSeconds(600))).expect(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/models/fraud/versions/3", null).status() == 200);

        // As trained, with sampling noise: nothing, over many windows.
        for (int w = 0; w < 6; w++) {
            PLATFORM.ingest("/api/v1/monitoring", window(w, w % 2 == 0 ? new long[]{245, 405, 252, 98} : new long[]{255, 395, 248, 102}, 0.93)).expect(201);
        }
        // Shifted towards large amounts, and the accuracy drops.
        Instant shifted = Instant.now();
        for (int w = 6; w < 10; w++) {
            PLATFORM.ingest("/api/v1/monitoring", window(w, new long[]{60, 140, 400, 400}, 0.85)).expect(201);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(alerts("?model=fraud&state=OPEN")).hasSize(4));
        System.out.println("alerts visible over REST " + Duration.between(shifted, Instant.now()).toMillis() + " ms after the first shifted window was sent");
        JsonNode open = JSON.readTree(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/alerts?model=fraud&state=OPEN", null).body());
        List<String> metrics = new ArrayList<>();
        open.forEach(a -> metrics.add(a.get("feature").asText() + "/" + a.get("metric").asText()));
        assertThat(metrics).containsExactlyInAnyOrder("amount/psi", "amount/js", "amount/ks", "__quality__/accuracy");
        JsonNode psi = find(open, "amount", "psi");
        assertThat(psi.get("severity").asText()).isEqualTo("ALERT");
        assertThat(psi.get("value").asDouble()).isGreaterThan(0.2);
        assertThat(psi.get("threshold").asDouble()).isEqualTo(0.2);
        assertThat(psi.get("modelVersionId").asText()).isEqualTo("model:fraud#3");
        assertThat(psi.get("trainingRun").asText()).isEqualTo("run:" + RUN);
        assertThat(psi.get("windowStart").asText()).isEqualTo(T0.plusSeconds(3600L * 7).toString().replace("Z", "Z"));
        // The alert leads to the model version's provenance: the training run and its training data.
        JsonNode version = JSON.readTree(PLATFORM.http().send("GET", psi.get("provenanceUrl").asText(), null).body());
        assertThat(version.at("/trainingRun/id").asText()).isEqualTo("run:" + RUN);
        assertThat(version.at("/trainingRun/inputs/0/role").asText()).isEqualTo("training");
        assertThat(find(open, "__quality__", "accuracy").get("threshold").asDouble()).isEqualTo(0.93 - 0.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(psi.get("uiUrl").asText()).isEqualTo(PLATFORM.platform().query.url() + "/ui/models/fraud/versions/3");

        // The drift history a person reads next to the alert: every window judged, oldest first, both distributions on the same bins.
        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(PLATFORM.http()
                .send("GET", PLATFORM.platform().query.url() + "/api/v1/models/fraud/versions/3/windows", null).body()), h -> h.path("windows").size() == 10);
        assertThat(history.get("referenceProfile").asText()).isEqualTo("run:" + RUN);
        assertThat(history.at("/windows/0/windowStart").asText()).isEqualTo(T0.plusSeconds(3600L).toString());
        JsonNode calm = history.at("/windows/0/features/amount");
        JsonNode drifted = history.at("/windows/9/features/amount");
        assertThat(calm.at("/metrics/psi").asDouble()).isLessThan(0.1);
        assertThat(drifted.at("/metrics/psi").asDouble()).isGreaterThan(0.2);
        assertThat(drifted.at("/alert/psi").asDouble()).isEqualTo(0.2);
        assertThat(drifted.get("labels")).hasSize(4);
        assertThat(drifted.get("reference")).hasSize(4);
        assertThat(drifted.at("/observed/3").asDouble()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(history.at("/windows/9/features/__quality__/metrics/accuracy").asDouble()).isEqualTo(0.85);
        assertThat(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/models/fraud/versions/99/windows", null).status()).isEqualTo(404);

        // Q7: the inventory with the open alerts counted, filtered to the versions with an ALERT open.
        JsonNode alerting = JSON.readTree(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/models?severity=ALERT", null).body());
        assertThat(alerting).hasSize(1);
        assertThat(alerting.at("/0/versions/0/id").asText()).isEqualTo("model:fraud#3");
        assertThat(alerting.at("/0/versions/0/openAlerts").asInt()).isEqualTo(4);
        assertThat(alerting.at("/0/versions/0/openSeverity").asText()).isEqualTo("ALERT");
        assertThat(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/models?severity=bad", null).status()).isEqualTo(400);

        // Q8: before any validation every alert counts as since; a validation run reads the model in the validation role,
        // and the alerts opened before it are listed as still open from before, none since.
        String validations = PLATFORM.platform().query.url() + "/api/v1/models/fraud/versions/3/validations";
        JsonNode unvalidated = JSON.readTree(PLATFORM.http().send("GET", validations, null).body());
        assertThat(unvalidated.get("validations")).isEmpty();
        assertThat(unvalidated.get("alertsSince")).hasSize(4);
        assertThat(unvalidated.get("note").asText()).contains("no completed validation");
        assertThat(unvalidated.at("/referenceProfile/trainingRun").asText()).isEqualTo("run:" + RUN);
        assertThat(unvalidated.at("/referenceProfile/features/amount/reference")).hasSize(4);
        Instant validatedAt = Instant.now();
        PLATFORM.ingest("/api/v1/lineage", validation("START", validatedAt.minusSeconds(60))).expect(201);
        PLATFORM.ingest("/api/v1/lineage", validation("COMPLETE", validatedAt)).expect(201);
        JsonNode validated = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(PLATFORM.http().send("GET", validations, null).body()),
                v -> v.path("lastValidation").hasNonNull("endTime"));
        assertThat(validated.get("validations")).hasSize(1);
        assertThat(validated.at("/lastValidation/runId").asText()).isEqualTo("run:" + VALIDATION_RUN);
        assertThat(validated.at("/lastValidation/metrics/accuracy").asDouble()).isEqualTo(0.91);
        assertThat(validated.at("/lastValidation/data/0/dataset").asText()).isEqualTo("dataset:s3://lake:holdout");
        assertThat(validated.at("/lastValidation/data/0/role").asText()).isEqualTo("test");
        assertThat(validated.get("alertsSince")).isEmpty();
        assertThat(validated.get("openFromBefore")).hasSize(4);
        assertThat(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/models/fraud/versions/99/validations", null).status()).isEqualTo(404);

        // Live stream, within seconds: the four opened alerts, each once.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(streamed).hasSize(4));
        // Webhook: two failures, then the third attempt of the first alert delivered, signed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivered).hasSize(4));
        assertThat(attempts.get()).isEqualTo(6);
        for (String[] d : delivered) {
            assertThat(d[1]).isEqualTo("sha256=" + hmac(d[0]));
            assertThat(JSON.readTree(d[0]).at("/alert/modelName").asText()).isEqualTo("fraud");
        }
        // In the graph: ALERT nodes linked to the model version.
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, GraphEdge>> edges = TopicReader.avro(PLATFORM.platform().kafka.bootstrapServers(),
                PLATFORM.platform().registry.url(), Topics.GRAPH_EDGES.name(), GraphEdge.class,
                read -> read.stream().filter(r -> r.value() != null && r.value().getKind() == EdgeKind.ALERT_ON).count() >= 4, Duration.ofSeconds(30));
        assertThat(edges.stream().filter(r -> r.value() != null && r.value().getKind() == EdgeKind.ALERT_ON))
                .allSatisfy(r -> assertThat(r.value().getSource()).isEqualTo("model:fraud#3"));

        // Back as trained: three good windows resolve every alert, and nothing new opens.
        for (int w = 10; w < 13; w++) {
            PLATFORM.ingest("/api/v1/monitoring", window(w, new long[]{250, 400, 250, 100}, 0.93)).expect(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alerts("?model=fraud&state=RESOLVED")).hasSize(4);
            assertThat(alerts("?model=fraud&state=OPEN")).isEmpty();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(streamed).hasSize(8));
        assertThat(alerts("?model=fraud")).hasSize(4);
        assertThat(PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/alerts?state=maybe", null).status()).isEqualTo(400);
    }

    static final String RUN = "f4a3b2c1-d0e9-4f8a-b7c6-d5e4f3a2b1c0";
    static final String VALIDATION_RUN = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    /** A validation of fraud v3: reads the model in the validation role and a hold-out set as test data. */
    private static String validation(String type, Instant time) {
        RunEvents event = RunEvents.run(type, VALIDATION_RUN, time).job("ml", "fraud-validate")
                .input("s3://models", "fraud/3", "validation")
                .input("s3://lake", "holdout", "test");
        if (type.equals("COMPLETE")) {
            event.metric("accuracy", 0.91, null);
        }
        return event.json();
    }

    private static String training(String type, Instant time) {
        RunEvents event = RunEvents.run(type, RUN, time).job("ml", "fraud-train").parameter("max_depth", 6)
                .input("s3://lake", "transactions", "training")
                .model("s3://models", "fraud/3", "fraud", "3", null, null);
        if (type.equals("COMPLETE")) {
            event.metric("accuracy", 0.93, null)
                    .numericReference("amount", new double[]{0, 10, 50, 100, 500}, new long[]{2500, 4000, 2500, 1000})
                    .categoricalReference("channel", java.util.Map.of("web", 6000L, "app", 4000L), false)
                    .categoricalReference("fraud", java.util.Map.of("true", 200L, "false", 9800L), true);
        }
        return event.json();
    }

    private static String window(int w, long[] amount, double accuracy) {
        long total = Stream.of(amount).flatMapToLong(java.util.Arrays::stream).sum();
        return """
                {"modelName":"fraud","modelVersion":"3","windowStart":"%s","windowEnd":"%s","sampleCount":%d,
                 "features":[{"feature":"amount","kind":"NUMERIC","binEdges":[0,10,50,100,500],"counts":[%d,%d,%d,%d]},
                             {"feature":"channel","kind":"CATEGORICAL","categories":{"web":%d,"app":%d}}],
                 "prediction":{"feature":"fraud","kind":"CATEGORICAL","categories":{"true":20,"false":980}},
                 "qualityMetrics":{"accuracy":%s}}"""
                .formatted(T0.plusSeconds(3600L * (w + 1)), T0.plusSeconds(3600L * (w + 2)), total, amount[0], amount[1], amount[2], amount[3],
                        total * 6 / 10 + (w % 3), total * 4 / 10 - (w % 3), accuracy);
    }

    private static JsonNode find(JsonNode alerts, String feature, String metric) {
        for (JsonNode a : alerts) {
            if (a.get("feature").asText().equals(feature) && a.get("metric").asText().equals(metric)) {
                return a;
            }
        }
        throw new AssertionError("no " + feature + "/" + metric + " alert in " + alerts);
    }

    private static List<JsonNode> alerts(String query) throws Exception {
        Http.Response response = PLATFORM.http().send("GET", PLATFORM.platform().query.url() + "/api/v1/alerts" + query, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).forEach(list::add);
        return list;
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

}
