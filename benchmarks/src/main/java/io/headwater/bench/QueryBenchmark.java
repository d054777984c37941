package io.headwater.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.Decision;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LinkedDecision;
import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.EdgeAttributes.Read;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes.DatasetVersion;
import io.headwater.contract.graph.NodeAttributes.Environment;
import io.headwater.contract.graph.NodeAttributes.JobVersion;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;
import io.headwater.devstack.ServiceProcess;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.testkit.LocalPlatform;
import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * query-service over a generated graph loaded through Kafka: layered pipelines (each run reads two
 * versions of the layer below, a tenth of them also a hub dataset, and writes one version), the
 * last layer's runs training model versions, decisions skewed so one model version holds half of
 * them, and a separate 250-job chain as Marquez was measured on. Graph records and linked
 * decisions are written straight to the topics lineage-streams would write, then the service's
 * answers are timed over HTTP. Prints numbers; asserts nothing.
 *
 * <p>Settings: bench.nodes (default 100000; the scale is 1000000), bench.decisions (default 1000000;
 * 10000000 at scale), bench.queries (2000), bench.seed (42), bench.jvm (extra options for the services' JVMs, e.g.
 * {@code -XX:StartFlightRecording=filename=/tmp/jfr/} to profile them), bench.restore (true: time a new instance's start).
 */
public final class QueryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int LAYERS = 6;
    private static final int CHAIN = 250;
    /** Sixty days ago at midnight: recent enough that no decision is past its retention (P184D) and expires mid-run. */
    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(java.time.Duration.ofDays(60));

    private final Random random;
    private final KafkaProducer<String, SpecificRecord> producer;
    private long nodes;
    private long edges;

    private QueryBenchmark(KafkaProducer<String, SpecificRecord> producer, long seed) {
        this.producer = producer;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        // The services' default expiry sweep (hourly), not the tests' 2 s: a sweep is not what is measured.
        System.setProperty("headwater.retention.expiry-interval", "PT1H");
        int targetNodes = Integer.getInteger("bench.nodes", 100_000);
        long decisions = Long.getLong("bench.decisions", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 2000);
        System.out.println("Headwater query-service benchmark");
        System.out.println("machine: " + Machine.describe());
        List<String> jvm = ServiceJvms.options("-Xmx1g");
        System.out.println("service JVMs: " + jvm);
        try (LocalPlatform platform = new LocalPlatform(true, jvm);
             KafkaProducer<String, SpecificRecord> producer = producer(platform)) {
            QueryBenchmark bench = new QueryBenchmark(producer, Long.getLong("bench.seed", 42));
            long began = System.nanoTime();
            Generated graph = bench.generate(targetNodes);
            String chainMiddle = bench.chain();
            List<String> decisionIds = bench.decisions(graph, decisions);
            bench.sentinel();
            producer.flush();
            double writeSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("generated: %,d nodes, %,d edges, %,d decisions (%d layers; %,d model versions; hub versions read by ~%,d runs each); written to Kafka in %.1f s%n",
                    bench.nodes, bench.edges, decisions, LAYERS, graph.modelVersions.size(), graph.hubReads, writeSeconds);

            String hot = graph.modelVersions.get(0);
            String hotName = NodeId.parse(hot).name();
            String hotVersion = NodeId.parse(hot).version();
            long loadStart = System.nanoTime();
            while (!loaded(platform.query, hotName, hotVersion, graph.hotDecisions())) {
                Thread.sleep(1000);
            }
            System.out.printf("query-service caught up (graph replica + %,d decisions indexed) %.1f s after the last write%n",
                    decisions, (System.nanoTime() - loadStart) / 1e9);
            Figures.add("query: caught up after the last write (" + bench.nodes / 1000 + "k nodes, " + decisions / 1000 + "k decisions)",
                    (System.nanoTime() - loadStart) / 1e9, "s", Figures.Goal.NONE, 0);

            // Warm-up, not measured: the JIT compiles the traversals.
            for (int i = 0; i < Math.min(500, queries); i++) {
                get(platform.query, "/api/v1/decisions/" + decisionIds.get(bench.random.nextInt(decisionIds.size())) + "/provenance");
            }
            Histogram provenance = new Histogram(3);
            int upstream = 0;
            for (int i = 0; i < queries; i++) {
                String id = decisionIds.get(bench.random.nextInt(decisionIds.size()));
                long t = System.nanoTime();
                JsonNode answer = get(platform.query, "/api/v1/decisions/" + id + "/provenance");
                provenance.recordValue((System.nanoTime() - t) / 1000);
                upstream += answer.path("upstream").size();
            }
            report("decision provenance (" + queries + " random decisions, ~" + upstream / queries + " upstream dataset versions each)", provenance);
            Figures.add("query: decision provenance p99", provenance.getValueAtPercentile(99) / 1000.0, "ms", Figures.Goal.AT_MOST, 20);

            for (int depth : new int[]{20, 100, 300}) {
                Histogram lineage = new Histogram(3);
                int size = 0;
                for (int i = 0; i < 60; i++) {
                    long t = System.nanoTime();
                    JsonNode answer = get(platform.query, "/api/v1/lineage?nodeId=" + encode(chainMiddle) + "&depth=" + depth);
                    if (i >= 10) {
                        lineage.recordValue((System.nanoTime() - t) / 1000);
                    }
                    size = answer.get("graph").size();
                }
                report("lineage, 250-job chain from the middle, depth " + depth + " (" + size + " nodes)", lineage);
                if (depth == 300) {
                    Figures.add("query: lineage at depth 300 p99", lineage.getValueAtPercentile(99) / 1000.0, "ms", Figures.Goal.AT_MOST, 50);
                }
            }

            Histogram impact = new Histogram(3);
            JsonNode impactAnswer = null;
            for (int i = 0; i < 30; i++) {
                long t = System.nanoTime();
                impactAnswer = get(platform.query, "/api/v1/impact?limit=50&nodeId=" + encode(graph.hubVersion));
                if (i >= 5) {
                    impact.recordValue((System.nanoTime() - t) / 1000);
                }
            }
            report("impact of a hub dataset version (" + impactAnswer.get("runCount").asInt() + " runs, "
                    + impactAnswer.get("modelVersions").size() + " model versions, " + impactAnswer.get("decisionCount").asLong()
                    + " decisions counted, first page of 50, partial=" + impactAnswer.get("partial").asBoolean() + ")", impact);

            Histogram page = new Histogram(3);
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                get(platform.query, "/api/v1/models/" + hotName + "/versions/" + hotVersion + "/decisions?limit=50");
                if (i >= 20) {
                    page.recordValue((System.nanoTime() - t) / 1000);
                }
            }
            report("first page of the hot model version's " + graph.hotDecisions() + " decisions", page);

            // The compliance officer's questions (issue 16), each one call, on the same graph.
            JsonNode hotDetails = get(platform.query, "/api/v1/models/" + hotName + "/versions/" + hotVersion + "?limit=1");
            String trainingRun = hotDetails.at("/version/trainingRun").asText();
            String commit = hotDetails.at("/trainingRun/code/commit").asText();
            String someDecision = decisionIds.get(bench.random.nextInt(decisionIds.size()));
            String trainingData = hotDetails.at("/trainingRun/inputs/0/datasetVersion").asText();
            String at = T0.plus(java.time.Duration.ofDays(LAYERS + 1)).toString();
            timed(platform.query, "Q1 reproduce the model behind a decision (its training run's recipe)", "/api/v1/runs/" + encode(NodeId.parse(trainingRun).name()) + "/reproduce", null, 200);
            timed(platform.query, "Q2 decisions of models trained on a hub dataset version, first page of 50", "/api/v1/decisions?limit=50&trainedOn=" + encode(graph.hubVersion), null, 30);
            timed(platform.query, "Q2 decisions of models trained on the hot version's training data (a dataset version of the last layer)",
                    "/api/v1/decisions?limit=50&trainedOn=" + encode(trainingData), null, 200);
            timed(platform.query, "Q2 the hub's within a one-day window of decision times", "/api/v1/decisions?limit=50&trainedOn=" + encode(graph.hubVersion)
                    + "&from=" + T0.plus(java.time.Duration.ofDays(LAYERS)) + "&until=" + T0.plus(java.time.Duration.ofDays(LAYERS + 1)), null, 30);
            timed(platform.query, "Q3 which version of the hot model served at a time", "/api/v1/models/" + hotName + "/serving?at=" + at, null, 200);
            timed(platform.query, "Q4 lineage as of a time, 250-job chain, depth 20", "/api/v1/lineage?depth=20&nodeId=" + encode(chainMiddle) + "&asOf=" + at, null, 60);
            timed(platform.query, "Q5 erasure impact of a subject (dry run, every instance asked)", "/api/v1/erasure", "{\"subjectId\":\"customer-17\"}", 200);
            timed(platform.query, "Q5 erasure impact of a hub dataset version (dry run)", "/api/v1/erasure", "{\"target\":\"" + graph.hubVersion + "\"}", 30);
            timed(platform.query, "Q5 erasure impact of the hot version's training data (dry run)", "/api/v1/erasure", "{\"target\":\"" + trainingData + "\"}", 200);
            timed(platform.query, "Q6 a decision's inputs, sender and model (the decision)", "/api/v1/decisions/" + someDecision, null, 500);
            timed(platform.query, "Q7 model inventory with open alerts, filtered by severity", "/api/v1/models?severity=WARN", null, 60);
            timed(platform.query, "Q8 the hot version's validations and the alerts since", "/api/v1/models/" + hotName + "/versions/" + hotVersion + "/validations", null, 200);
            timed(platform.query, "Q9 retention status (topic configurations read from Kafka)", "/api/v1/retention", null, 60);
            timed(platform.query, "Q10 model versions built from one commit", "/api/v1/models/built-from?commit=" + commit, null, 200);
            timed(platform.query, "Q11 who read a decision (the audit, by id asked about)", "/api/v1/audit?limit=100&id=" + someDecision, null, 30);
            timed(platform.query, "a decision's compliance report (JSON)", "/api/v1/decisions/" + someDecision + "/report", null, 200);
            timed(platform.query, "a decision's compliance report (PDF)", "/api/v1/decisions/" + someDecision + "/report?format=pdf", null, 100);
            timed(platform.query, "the hot version's technical documentation (PDF)", "/api/v1/models/" + hotName + "/versions/" + hotVersion + "/documentation?format=pdf", null, 100);

            double heap = heapUsed(platform.query) / 1048576.0;
            System.out.printf("query-service memory: heap used %.0f MiB (after the queries; -Xmx1g), RSS %.0f MiB%n", heap, rss(platform.query) / 1024.0);
            Figures.add("query: heap used after the queries", heap, "MiB", Figures.Goal.AT_MOST, 1024);
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sample.add(decisionIds.get(bench.random.nextInt(decisionIds.size())));
            }
            BrowserTiming.decisionPages(platform.query.url(), sample);

            if (!"false".equals(System.getProperty("bench.restore"))) {
                // Scale-out and recovery pay this: a new instance replicates the graph from the compacted topics and, after
                // the rebalance, restores its share of the decision stores before it is ready.
                long newInstance = System.nanoTime();
                platform.startQuery(java.time.Duration.ofMinutes(30));
                double restore = (System.nanoTime() - newInstance) / 1e9;
                System.out.printf("a new query-service instance ready (JVM start, graph replica, its share of the decisions) in %.1f s%n", restore);
                Figures.add("query: a new instance ready (" + bench.nodes / 1000 + "k nodes, " + decisions / 1000 + "k decisions)", restore, "s",
                        Figures.Goal.AT_MOST, 130);
            }
        }
    }

    /** What the generator made that the queries need. */
    private record Generated(List<String> modelVersions, List<String> trainingRuns, String hubVersion, long hubReads, long[] hotDecisionsHolder) {
        long hotDecisions() {
            return hotDecisionsHolder[0];
        }
    }

    private Generated generate(int targetNodes) {
        // Per run: the run, the version it writes (2 nodes); per dataset: dataset, job, job version (3 nodes).
        int datasets = Math.max(LAYERS * 10, targetNodes / 10);
        int runs = (targetNodes - datasets * 3) / 2;
        int perLayer = datasets / LAYERS;
        List<List<String>> versions = new ArrayList<>();
        for (int d = 0; d < datasets; d++) {
            versions.add(new ArrayList<>());
        }
        String environment = NodeId.environment("bench-env").value();
        node(environment, NodeKind.ENVIRONMENT, null, "python 3.11", Map.of(Environment.RUNTIME, "python", Environment.IMAGE_DIGEST, "sha256:" + "ab".repeat(32)), T0);
        for (int d = 0; d < datasets; d++) {
            String ns = "bench";
            node(NodeId.dataset(ns, "ds" + d).value(), NodeKind.DATASET, ns, "ds" + d, Map.of(), T0);
            node(NodeId.job(ns, "job" + d).value(), NodeKind.JOB, ns, "job" + d, Map.of(), T0);
            node(NodeId.jobVersion(ns, "job" + d, "c" + d).value(), NodeKind.JOB_VERSION, ns, "job" + d,
                    Map.of(JobVersion.COMMIT, String.format("%040x", d), JobVersion.REPO_URL, "https://git.example.com/pipelines.git", JobVersion.PATH, "jobs/job" + d + ".py"), T0);
            edge(NodeId.jobVersion(ns, "job" + d, "c" + d).value(), EdgeKind.VERSION_OF, NodeId.job(ns, "job" + d).value(), T0);
            edge(NodeId.job(ns, "job" + d).value(), EdgeKind.OUTPUT_OF, NodeId.dataset(ns, "ds" + d).value(), T0);
        }
        int hubs = 5;
        List<String> models = new ArrayList<>();
        List<String> trainingRuns = new ArrayList<>();
        long hubReads = 0;
        int runsPerLayer = runs / LAYERS;
        int r = 0;
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int i = 0; i < runsPerLayer; i++, r++) {
                int out = layer * perLayer + random.nextInt(perLayer);
                Instant time = T0.plusSeconds(layer * 86_400L + i);
                String runId = String.format("00000000-0000-4000-8000-%012d", r);
                String run = NodeId.run(runId).value();
                Map<String, String> attributes = Map.of(Run.STATE, "COMPLETE", Run.JOB, NodeId.job("bench", "job" + out).value(),
                        Run.JOB_VERSION, NodeId.jobVersion("bench", "job" + out, "c" + out).value(), Run.ENVIRONMENT, environment,
                        Run.START_TIME, time.toString(), Run.END_TIME, time.plusSeconds(60).toString());
                NodeDetails.Run detail = new NodeDetails.Run(Map.of("alpha", String.valueOf(i % 7)), List.of(new NodeDetails.Metric("rows", i, null, null)),
                        null, null, null, 1);
                node(run, NodeKind.RUN, "bench", runId, attributes, time, NodeDetails.write(detail));
                edge(NodeId.jobVersion("bench", "job" + out, "c" + out).value(), EdgeKind.RUN_OF, run, time);
                edge(environment, EdgeKind.IN_ENVIRONMENT, run, time);
                if (layer > 0) {
                    for (int k = 0; k < 2; k++) {
                        int in = (layer - 1) * perLayer + random.nextInt(perLayer);
                        read(versions.get(in), run, time, k == 0 && layer == LAYERS - 1 ? "training" : null);
                        edge(NodeId.dataset("bench", "ds" + in).value(), EdgeKind.INPUT_TO, NodeId.job("bench", "job" + out).value(), time);
                    }
                    if (random.nextInt(10) == 0) {
                        read(versions.get(random.nextInt(hubs)), run, time, null);
                        hubReads++;
                    }
                }
                NodeId versionId = NodeId.datasetVersion("bench", "ds" + out, runId);
                String version = versionId.value();
                node(version, NodeKind.DATASET_VERSION, "bench", versionId.label(),
                        Map.of(DatasetVersion.DATASET, NodeId.dataset("bench", "ds" + out).value(), DatasetVersion.VERSION, runId, DatasetVersion.WRITTEN_BY, run), time);
                edge(run, EdgeKind.WROTE, version, time);
                edge(version, EdgeKind.VERSION_OF, NodeId.dataset("bench", "ds" + out).value(), time);
                versions.get(out).add(version);
                if (layer == LAYERS - 1) {
                    String model = "model" + (i % 100);
                    NodeId modelVersionId = NodeId.modelVersion(model, String.valueOf(i));
                    String modelVersion = modelVersionId.value();
                    node(NodeId.model(model).value(), NodeKind.MODEL, null, model, Map.of(), time);
                    node(modelVersion, NodeKind.MODEL_VERSION, null, modelVersionId.label(),
                            Map.of(ModelVersion.TRAINING_RUN, run, ModelVersion.URI, "s3://models/" + model + "/" + i), time);
                    edge(run, EdgeKind.PRODUCED, modelVersion, time);
                    edge(modelVersion, EdgeKind.VERSION_OF, NodeId.model(model).value(), time);
                    models.add(modelVersion);
                    trainingRuns.add(run);
                }
            }
        }
        return new Generated(models, trainingRuns, versions.get(0).get(0), hubReads / hubs, new long[1]);
    }

    private void read(List<String> versionsOfInput, String run, Instant time, String role) {
        if (versionsOfInput.isEmpty()) {
            return;
        }
        String version = versionsOfInput.get(random.nextInt(versionsOfInput.size()));
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Read.READ_AT, time.toString());
        if (role != null) {
            attributes.put(Read.ROLE, role);
        }
        edge(version, EdgeKind.READ, run, time, attributes);
    }

    /** Marquez's measured shape: d0 → j1 → d1 → … → j250 → d250, job-level edges; returns the middle dataset. */
    private String chain() {
        for (int i = 0; i <= CHAIN; i++) {
            node(NodeId.dataset("chain", "d" + i).value(), NodeKind.DATASET, "chain", "d" + i, Map.of(), T0);
            if (i > 0) {
                node(NodeId.job("chain", "j" + i).value(), NodeKind.JOB, "chain", "j" + i, Map.of(), T0);
                edge(NodeId.dataset("chain", "d" + (i - 1)).value(), EdgeKind.INPUT_TO, NodeId.job("chain", "j" + i).value(), T0);
                edge(NodeId.job("chain", "j" + i).value(), EdgeKind.OUTPUT_OF, NodeId.dataset("chain", "d" + i).value(), T0);
            }
        }
        return NodeId.dataset("chain", "d" + CHAIN / 2).value();
    }

    /** Half of the decisions to the first model version (the hot one), the rest spread over all. */
    private List<String> decisions(Generated graph, long count) {
        List<String> sample = new ArrayList<>();
        long hot = 0;
        for (long i = 0; i < count; i++) {
            int m = i % 2 == 0 ? 0 : random.nextInt(graph.modelVersions.size());
            hot += m == 0 ? 1 : 0;
            String versionId = graph.modelVersions.get(m);
            NodeId version = NodeId.parse(versionId);
            String id = "dec-" + i;
            Instant time = T0.plusSeconds(LAYERS * 86_400L + i);
            Decision decision = Decision.newBuilder().setDecisionId(id).setModelName(version.name()).setModelVersion(version.version())
                    .setDecisionTime(time).setReceivedAt(time).setOutputJson("{\"score\":0." + (i % 1000) + "}").setSubjectId("customer-" + (i % 100_000)).build();
            producer.send(new ProducerRecord<>(Topics.DECISIONS_LINKED.name(), id, LinkedDecision.newBuilder().setDecision(decision)
                    .setModelVersionId(versionId).setModelVersionKnown(true).setTrainingRunId(graph.trainingRuns.get(m)).build()));
            if (sample.size() < 100_000 && random.nextInt((int) Math.max(1, count / 100_000)) == 0) {
                sample.add(id);
            }
        }
        graph.hotDecisionsHolder[0] = hot;
        return sample;
    }

    private void sentinel() {
        node(NodeId.dataset("bench", "sentinel").value(), NodeKind.DATASET, "bench", "sentinel", Map.of(), T0);
    }

    private void node(String id, NodeKind kind, String namespace, String name, Map<String, String> attributes, Instant time) {
        node(id, kind, namespace, name, attributes, time, null);
    }

    private void node(String id, NodeKind kind, String namespace, String name, Map<String, String> attributes, Instant time, String detail) {
        producer.send(new ProducerRecord<>(Topics.GRAPH_NODES.name(), id, GraphNode.newBuilder().setId(id).setKind(kind).setNamespace(namespace).setName(name)
                .setFirstSeen(time).setLastSeen(time).setAttributes(new HashMap<>(attributes)).setDetailJson(detail).build()));
        nodes++;
    }

    private void edge(String source, EdgeKind kind, String target, Instant time) {
        edge(source, kind, target, time, Map.of());
    }

    private void edge(String source, EdgeKind kind, String target, Instant time, Map<String, String> attributes) {
        String id = EdgeId.of(source, kind, target).value();
        producer.send(new ProducerRecord<>(Topics.GRAPH_EDGES.name(), id, GraphEdge.newBuilder().setId(id).setKind(kind).setSource(source).setTarget(target)
                .setValidFrom(time).setAttributes(new HashMap<>(attributes)).build()));
        edges++;
    }

    private static boolean loaded(ServiceProcess query, String model, String version, long hotDecisions) throws Exception {
        HttpResponse<String> sentinel = HTTP.send(HttpRequest.newBuilder(URI.create(query.url() + "/api/v1/lineage?depth=0&nodeId=" + encode(NodeId.dataset("bench", "sentinel").value())))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (sentinel.statusCode() != 200) {
            return false;
        }
        HttpResponse<String> count = HTTP.send(HttpRequest.newBuilder(URI.create(query.url() + "/api/v1/models/" + model + "/versions/" + version + "/decisions?limit=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return count.statusCode() == 200 && JSON.readTree(count.body()).get("total").asLong() >= hotDecisions;
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Times a question {@code n} times after a tenth as many unmeasured; a body makes it a POST. */
    private static void timed(ServiceProcess service, String what, String path, String body, int n) throws Exception {
        Histogram h = new Histogram(3);
        int warm = Math.max(3, n / 10);
        for (int i = 0; i < warm + n; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path));
            if (body != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            long t = System.nanoTime();
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - t) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            if (i >= warm) {
                h.recordValue(micros);
            }
        }
        report(what, h);
    }

    private static long heapUsed(ServiceProcess service) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static long rss(ServiceProcess service) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void report(String what, Histogram h) {
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, SpecificRecord> producer(LocalPlatform platform) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new SchemaRegistryClient(platform.registry.url()));
        serializer.configure(Map.of(), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false), new StringSerializer(), serializer);
    }
}
