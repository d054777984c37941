package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeId;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.testkit.Http;
import io.headwater.testkit.LocalPlatform;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform under pressure it used to fall over from: 48 clients asking the lineage of a hub at
 * once (query-service stays healthy and answers afterwards), and a schema registry or a broker that goes
 * away (every service names it in readiness, ingest answers 503 + Retry-After, then all recover).
 */
class OverloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Http CALLS = new Http();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int READERS = 5_000;
    private static final int CLIENTS = 48;

    @Test
    void fortyEightClientsAskingAHubsLineageLeaveHealthFastAndTheServiceWorking() throws Exception {
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            String hub = NodeId.dataset("warehouse", "hub").value();
            writeHub(platform, hub);
            String lineage = platform.query.url() + "/api/v1/lineage?depth=2&nodeId=" + URLEncoder.encode(hub, StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> CALLS.get(lineage).body().contains("reader_4999"));

            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            int status = HTTP.send(HttpRequest.newBuilder(URI.create(lineage)).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            if (status == 503) {
                                Thread.sleep(100);
                            }
                        } catch (java.io.IOException e) {
                            statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long slowestHealthMillis = 0;
            int healthChecks = 0;
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(platform.query.url() + "/q/health/live"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                slowestHealthMillis = Math.max(slowestHealthMillis, millis);
                healthChecks++;
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                Thread.sleep(200);
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            System.out.printf("overload: %d clients, answers by status %s, %d health checks, slowest %d ms%n", CLIENTS, statuses, healthChecks, slowestHealthMillis);
            assertThat(slowestHealthMillis).as("health answered within a second throughout").isLessThan(1_000);
            assertThat(statuses.getOrDefault(200, new AtomicLong()).get()).as("some questions were answered").isPositive();
            assertThat(statuses.getOrDefault(503, new AtomicLong()).get()).as("the excess was turned away").isPositive();
            assertThat(statuses.keySet()).as("nothing but answers and 503s").isSubsetOf(200, 503);
            // Fully working afterwards: a question is answered and the service is ready.
            Http.Response after = CALLS.get(lineage);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).contains("\"partial\":true").contains("reader_4999");
            assertThat(CALLS.get(platform.query.url() + "/q/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void aDependencyThatGoesAwayMakesEveryServiceUnreadyNamingItThenTheyRecover() throws Exception {
        try (LocalPlatform platform = new LocalPlatform(true, LocalPlatform.SMALL_JVM)) {
            List<String> services = List.of(platform.ingest.url(), platform.streams.url(), platform.query.url());
            String event = PoisonInputIT.runEvent(java.util.UUID.randomUUID().toString(), "START", "2026-11-26T10:00:00Z", "registry_job", "{}");
            platform.registry.kill();
            for (String service : services) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(down(service)).as(service).contains("schema-registry"));
                assertThat(down(service)).as(service + ": only what is down is named").doesNotContain("kafka");
                assertThat(CALLS.get(service + "/q/health/ready").body()).doesNotContain("@");
            }
            Http.Response refused = CALLS.post(platform.ingest.url() + "/api/v1/lineage", event);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("registry");

            platform.restart(platform.registry);
            for (String service : services) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(CALLS.get(service + "/q/health/ready").status()).as(service).isEqualTo(200));
            }
            assertThat(CALLS.post(platform.ingest.url() + "/api/v1/lineage", event).status()).isEqualTo(201);

            // The broker: every service names it, with where it looked, while the Streams engines would still say RUNNING.
            platform.stopKafka();
            for (String service : services) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(down(service)).as(service).contains("kafka"));
                assertThat(CALLS.get(service + "/q/health/ready").body()).as(service).contains(platform.kafka.bootstrapServers());
            }
            platform.startKafka();
            for (String service : services) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        assertThat(CALLS.get(service + "/q/health/ready").status()).as(service).isEqualTo(200));
            }
            assertThat(readiness(platform.streams.url()).findValues("meaning")).extracting(JsonNode::asText).containsExactly("processing");
        }
    }

    private static JsonNode readiness(String service) throws Exception {
        return JSON.readTree(CALLS.get(service + "/q/health/ready").body());
    }

    /** The names of the readiness checks that are DOWN. */
    private static List<String> down(String service) throws Exception {
        List<String> names = new ArrayList<>();
        readiness(service).path("checks").forEach(check -> {
            if ("DOWN".equals(check.path("status").asText())) {
                names.add(check.path("name").asText());
            }
        });
        return names;
    }

    /** A dataset read by 5,000 jobs, each writing its own output: the hub Marquez-style lineage fans out from. */
    private static void writeHub(LocalPlatform platform, String hub) {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new SchemaRegistryClient(platform.registry.url()));
        serializer.configure(Map.of(), false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), hub, GraphNode.newBuilder().setId(hub).setKind(NodeKind.DATASET)
                    .setNamespace("warehouse").setName("hub").setFirstSeen(t).setLastSeen(t).build()));
            for (int i = 0; i < READERS; i++) {
                String job = NodeId.job("readers", "reader_" + i).value();
                String out = NodeId.dataset("warehouse", "out_" + i).value();
                producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), job, GraphNode.newBuilder().setId(job).setKind(NodeKind.JOB)
                        .setNamespace("readers").setName("reader_" + i).setFirstSeen(t).setLastSeen(t).build()));
                producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), out, GraphNode.newBuilder().setId(out).setKind(NodeKind.DATASET)
                        .setNamespace("warehouse").setName("out_" + i).setFirstSeen(t).setLastSeen(t).build()));
                for (String[] edge : List.of(new String[]{hub, "INPUT_TO", job}, new String[]{job, "OUTPUT_OF", out})) {
                    EdgeKind kind = EdgeKind.valueOf(edge[1]);
                    String id = EdgeId.of(edge[0], kind, edge[2]).value();
                    producer.send(new ProducerRecord<>(Topics.GRAPH_EDGES.name(), id, GraphEdge.newBuilder().setId(id).setKind(kind)
                            .setSource(edge[0]).setTarget(edge[2]).setValidFrom(t).build()));
                }
            }
        }
    }

}
