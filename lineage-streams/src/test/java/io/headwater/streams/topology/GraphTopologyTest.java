package io.headwater.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeId;
import io.headwater.openlineage.LineageEventNormalizer;
import io.headwater.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The topology over the real fixture sets, in a TopologyTestDriver. */
class GraphTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB1_OUTPUT = "dataset:file:/srv/spark-demo/data/out/revenue_by_country";

    /** Under target/, not the OS temp dir, which Kafka Streams warns about on every driver. */
    @TempDir(factory = TargetTempDirs.class)
    Path stateDir;

    /** Temporary directories under target/. */
    static final class TargetTempDirs implements org.junit.jupiter.api.io.TempDirFactory {
        @Override
        public Path createTempDirectory(org.junit.jupiter.api.extension.AnnotatedElementContext element,
                                        org.junit.jupiter.api.extension.ExtensionContext extension) throws IOException {
            Path base = Path.of("target", "topology-tests");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "state-");
        }
    }

    static List<LineageEvent> fixtures(String set) {
        return Fixtures.events(set).stream().filter(f -> !f.getFileName().toString().startsWith("serde-synthetic"))
                .map(GraphDriver::event).toList();
    }

    @Test
    void theCapturedSparkChainLinksJob2sReadToJob1sWrite() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(fixtures("spark-captured"));
            String version = JOB1_OUTPUT + "#01a215d8-b242-752e-8681-58dc1af79577";
            assertThat(graph.nodes.get(version)).isNotNull().extracting(GraphNode::getKind).isEqualTo(NodeKind.DATASET_VERSION);
            List<GraphEdge> reads = graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.READ && e.getSource().equals(version)).toList();
            assertThat(reads).as("job2's SQL run reads job1's output version").isNotEmpty();
            String reader = reads.get(0).getTarget();
            assertThat(graph.nodes.get(reader).getAttributes().get("job")).startsWith("job:spike:spike_job2");
            assertThat(graph.edges.values()).anyMatch(e -> e.getKind() == EdgeKind.WROTE && e.getTarget().equals(version)
                    && e.getSource().equals("run:01a215d8-b242-752e-8681-58dc1af79577"));
            // The run that never closed stays open.
            assertThat(graph.nodes.values()).anyMatch(n -> n.getKind() == NodeKind.RUN && "START".equals(n.getAttributes().get("state")));
        }
    }

    @Test
    void airflowTasksAreChildrenOfTheirDagRun() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(fixtures("airflow"));
            assertThat(graph.edges.values()).anyMatch(e -> e.getKind() == EdgeKind.CHILD_OF
                    && e.getSource().equals("run:01936893-9751-7a91-a2a0-a51101a3970c")
                    && e.getTarget().equals("run:01936893-9751-7b3c-8f76-8ac6d0e5f8a3"));
            GraphNode dag = graph.nodes.get("run:01936893-9751-7a91-a2a0-a51101a3970c");
            assertThat(dag.getAttributes()).containsEntry("state", "COMPLETE");
        }
    }

    @Test
    void aDbtFailKeepsItsErrorMessageOnTheRun() throws IOException {
        // The dbt fixtures are templated ("{{ any(result) }}" run ids); give them real ones, as dbt-ol would.
        List<LineageEvent> events = new ArrayList<>();
        for (String file : List.of("dbt-run-model-orders-START.json", "dbt-run-model-orders-FAIL.json")) {
            String raw = Files.readString(Fixtures.dir("dbt").resolve(file))
                    .replace("\"runId\": \"{{ any(result) }}\"", "\"runId\": \"RUN\"")
                    .replaceFirst("\"RUN\"", "\"9c1f9a5e-6d7b-4a57-9a7e-2f3f3f8b1c01\"")
                    .replace("\"RUN\"", "\"9c1f9a5e-6d7b-4a57-9a7e-2f3f3f8b1c00\"");
            ObjectNodeEvent parsed = new ObjectNodeEvent(raw);
            events.add(parsed.normalized());
        }
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(events);
            GraphNode run = graph.nodes.get("run:9c1f9a5e-6d7b-4a57-9a7e-2f3f3f8b1c01");
            assertThat(run.getAttributes()).containsEntry("state", "FAIL");
            assertThat(run.getAttributes().get("errorMessage")).contains("Database Error in model orders");
            assertThat(run.getDetailJson()).contains("stackTrace");
            assertThat(graph.edges.values()).noneMatch(e -> e.getKind() == EdgeKind.WROTE);
        }
    }

    @Test
    void aDecisionForAnUnknownModelVersionIsKeptAndLinkedWhenTheVersionAppears() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            Instant time = Instant.parse("2026-11-26T10:15:00Z");
            graph.sendDecision(io.headwater.avro.Decision.newBuilder().setDecisionId("d-1").setModelName("churn").setModelVersion("3")
                    .setDecisionTime(time).setOutputJson("{\"churn\":true}").setReceivedAt(time).build());
            assertThat(graph.decisions.get("d-1").getModelVersionKnown()).isFalse();
            assertThat(graph.decisions.get("d-1").getModelVersionId()).isEqualTo("model:churn#3");

            String runId = "5f0c9d3e-2a8b-4c1e-9d7f-1b2c3d4e5f60";
            graph.send(List.of(trainingEvent(runId, io.headwater.avro.RunState.START, "e1", Instant.parse("2026-11-20T09:00:00Z")),
                    trainingEvent(runId, io.headwater.avro.RunState.COMPLETE, "e2", Instant.parse("2026-11-20T10:00:00Z"))));
            assertThat(graph.nodes.get("model:churn#3")).isNotNull();
            assertThat(graph.edges.values()).anyMatch(e -> e.getKind() == EdgeKind.PRODUCED && e.getTarget().equals("model:churn#3"));
            io.headwater.avro.LinkedDecision linked = graph.decisions.get("d-1");
            assertThat(linked.getModelVersionKnown()).isTrue();
            assertThat(linked.getTrainingRunId()).isEqualTo("run:" + runId);
        }
    }

    @Test
    void aReadOfANamedVersionLinksThatVersionWhateverWasWrittenWhen() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            String reader = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
            String writer = "8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
            Instant t = Instant.parse("2026-11-20T09:00:00Z");
            // The reader names v3 of customers (datasetVersion facet); the writer of v3 is seen only afterwards, and v4 later still.
            graph.send(List.of(run(reader, io.headwater.avro.RunState.COMPLETE, "r1", t, "customers", "v3", null)));
            String v3 = "dataset:s3://data:customers#v3";
            assertThat(graph.nodes.get(v3)).isNotNull();
            assertThat(graph.edges.values()).anyMatch(e -> e.getKind() == EdgeKind.READ && e.getSource().equals(v3) && e.getTarget().equals("run:" + reader)
                    && "training".equals(e.getAttributes().get("role")));
            graph.send(List.of(run(writer, io.headwater.avro.RunState.COMPLETE, "w1", t.minusSeconds(3600), null, null, "v3"),
                    run("9c3d4e5f-6a7b-4c8d-0e9f-1a2b3c4d5e6f", io.headwater.avro.RunState.COMPLETE, "w2", t.minusSeconds(60), null, null, "v4")));
            assertThat(graph.nodes.get(v3).getAttributes().get("writtenBy")).isEqualTo("run:" + writer);
            // v4 was current at the read time, but the reader said v3: the read stays on v3.
            assertThat(graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.READ && e.getTarget().equals("run:" + reader)))
                    .singleElement().satisfies(e -> assertThat(e.getSource()).isEqualTo(v3));
        }
    }

    @Test
    void theTopicsTheServiceWaitsForAreTheContractTopicsItsTopologyReadsAndWrites() {
        org.apache.kafka.streams.Topology topology = new TopologyProducer(new io.headwater.kafka.serde.TopicSerdes(new InMemoryRegistryClient()),
                java.time.Duration.ofDays(1), io.headwater.streams.drift.DriftThresholds.defaults(),
                org.apache.kafka.streams.state.Stores::persistentKeyValueStore).buildTopology();
        java.util.Set<String> used = io.headwater.kafka.streams.ContractTopicsOf.topology(topology.describe());
        assertThat(used).contains(io.headwater.contract.Topics.LINEAGE.name(), io.headwater.contract.Topics.GRAPH_NODES.name());
        assertThat(new RequiredTopics().getValue(io.headwater.kafka.streams.RequiredTopicsConfigSource.KEY).split(","))
                .containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void everyIdAndAttributeTheGraphCarriesIsDeclaredInTheVocabulary() throws IOException {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            graph.send(fixtures("spark-captured"));
            graph.send(fixtures("airflow"));
            graph.send(fixtures("spark"));
            graph.send(fixtures("flink"));
            graph.send(fixtures("trino"));
            graph.send(fixtures("composed"));
            for (Path dbt : Fixtures.events("dbt")) {
                graph.send(List.of(new ObjectNodeEvent(Files.readString(dbt)).normalized()));
            }
            String runId = "5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
            Instant t = Instant.parse("2026-11-20T09:00:00Z");
            graph.send(List.of(trainingEvent(runId, io.headwater.avro.RunState.START, "t1", t),
                    trainingEvent(runId, io.headwater.avro.RunState.COMPLETE, "t2", t.plusSeconds(60))));

            java.util.Set<NodeKind> kinds = java.util.EnumSet.noneOf(NodeKind.class);
            for (GraphNode node : graph.nodes.values()) {
                kinds.add(node.getKind());
                assertThat(NodeId.parse(node.getId()).kind()).as("kind in the id of " + node.getId()).isEqualTo(node.getKind());
                assertThat(node.getAttributes().keySet()).as("attributes of " + node.getId()).isSubsetOf(NodeAttributes.keysOf(node.getKind()));
            }
            assertThat(kinds).contains(NodeKind.DATASET, NodeKind.DATASET_VERSION, NodeKind.DATASET_FIELD, NodeKind.JOB, NodeKind.JOB_VERSION,
                    NodeKind.RUN, NodeKind.MODEL, NodeKind.MODEL_VERSION);
            for (GraphEdge edge : graph.edges.values()) {
                assertThat(EdgeId.tryParse(edge.getId())).as(edge.getId()).contains(EdgeId.of(edge.getSource(), edge.getKind(), edge.getTarget()));
                assertThat(edge.getAttributes().keySet()).as("attributes of " + edge.getId()).isSubsetOf(EdgeAttributes.keysOf(edge.getKind()));
            }
        }
    }

    /**
     * A write that arrives later than the grace behind the dataset's latest access does not move the
     * reads after it (they are final); within the grace, it does.
     */
    @Test
    void aLateWritePastTheVersionGraceLeavesEarlierReadsFinal() {
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        String reader = "1a2b3c4d-0000-4000-8000-000000000001";
        List<LineageEvent> inTime = List.of(
                run("1a2b3c4d-0000-4000-8000-0000000000a1", io.headwater.avro.RunState.COMPLETE, "w1", t, null, null, "v1"),
                run(reader, io.headwater.avro.RunState.COMPLETE, "r1", t.plusSeconds(2 * 3600), "customers", null, null),
                run("1a2b3c4d-0000-4000-8000-000000000002", io.headwater.avro.RunState.COMPLETE, "r2", t.plusSeconds(5 * 3600), "customers", null, null));
        LineageEvent late = run("1a2b3c4d-0000-4000-8000-0000000000a2", io.headwater.avro.RunState.COMPLETE, "w2", t.plusSeconds(3600), null, null, "v2");
        String v1 = NodeId.datasetVersion("s3://data", "customers", "v1").value();
        String v2 = NodeId.datasetVersion("s3://data", "customers", "v2").value();

        try (GraphDriver graph = new GraphDriver(stateDir.resolve("short"), java.time.Duration.ofHours(1))) {
            graph.send(inTime);
            assertThat(readSourceOf(graph, reader)).isEqualTo(v1);
            graph.send(List.of(late));
            assertThat(graph.nodes).as("the late version is still recorded").containsKey(v2);
            assertThat(readSourceOf(graph, reader)).as("4 h late with 1 h grace: the read is final").isEqualTo(v1);
        }
        try (GraphDriver graph = new GraphDriver(stateDir.resolve("long"), java.time.Duration.ofHours(10))) {
            graph.send(inTime);
            graph.send(List.of(late));
            assertThat(readSourceOf(graph, reader)).as("4 h late with 10 h grace: the read moves to the version current then").isEqualTo(v2);
        }
    }

    private static String readSourceOf(GraphDriver graph, String runId) {
        return graph.edges.values().stream().filter(e -> e.getKind() == EdgeKind.READ && e.getTarget().equals(NodeId.run(runId).value()))
                .map(GraphEdge::getSource).reduce((a, b) -> {
                    throw new AssertionError("two reads: " + a + ", " + b);
                }).orElseThrow();
    }

    private static LineageEvent run(String runId, io.headwater.avro.RunState state, String eventId, Instant time, String input, String inputVersion,
                                    String outputVersion) {
        LineageEvent.Builder event = LineageEvent.newBuilder().setEventId(eventId).setKind(io.headwater.avro.LineageEventKind.RUN).setEventType(state)
                .setEventTime(time).setProducer("p").setSchemaURL("s").setRawJson("{}").setReceivedAt(time)
                .setRun(io.headwater.avro.RunInfo.newBuilder().setRunId(runId).build())
                .setJob(io.headwater.avro.JobInfo.newBuilder().setNamespace("ml").setName(input != null ? "train" : "load-" + outputVersion).build());
        if (input != null) {
            event.setInputs(List.of(io.headwater.avro.DatasetRef.newBuilder().setNamespace("s3://data").setName(input).setVersion(inputVersion)
                    .setRole("training").build()));
        }
        if (outputVersion != null) {
            event.setOutputs(List.of(io.headwater.avro.DatasetRef.newBuilder().setNamespace("s3://data").setName("customers").setVersion(outputVersion).build()));
        }
        return event.build();
    }

    private static LineageEvent trainingEvent(String runId, io.headwater.avro.RunState state, String eventId, Instant time) {
        io.headwater.avro.DatasetRef model = io.headwater.avro.DatasetRef.newBuilder().setNamespace("s3://models").setName("churn/3")
                .setModelArtifact(io.headwater.avro.ModelArtifact.newBuilder().setName("churn").setVersion("3").setUri("s3://models/churn/3").build())
                .build();
        return LineageEvent.newBuilder().setEventId(eventId).setKind(io.headwater.avro.LineageEventKind.RUN).setEventType(state)
                .setEventTime(time).setProducer("p").setSchemaURL("s").setRawJson("{}").setReceivedAt(time)
                .setRun(io.headwater.avro.RunInfo.newBuilder().setRunId(runId).build())
                .setJob(io.headwater.avro.JobInfo.newBuilder().setNamespace("ml").setName("churn-train").build())
                .setInputs(List.of(io.headwater.avro.DatasetRef.newBuilder().setNamespace("s3://data").setName("customers").setRole("training").build()))
                .setOutputs(List.of(model))
                .build();
    }

    /** A fixture's text, normalised as ingest would (the dbt ones lack a producer, which ingest would refuse). */
    private record ObjectNodeEvent(String raw) {
        LineageEvent normalized() throws IOException {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(raw);
            node.put("producer", "https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/dbt");
            return new LineageEventNormalizer().normalize(node, raw, Instant.parse("2026-11-26T12:00:00Z"));
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("graph.cases", 200));
    }

    /**
     * Property: any order of the real Spark and Airflow events, with any of them repeated, gives the
     * identical graph. 200 generated cases (seeded shuffles and duplications).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyOrderAndAnyRepeatGiveTheSameGraph(long seed) {
        List<LineageEvent> events = new ArrayList<>(fixtures("spark-captured"));
        events.addAll(fixtures("airflow"));
        Baseline baseline = Baseline.of(events, stateDir.resolve("baseline"));

        Random random = new Random(seed);
        List<LineageEvent> shuffled = new ArrayList<>(events);
        int repeats = random.nextInt(8);
        for (int i = 0; i < repeats; i++) {
            shuffled.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(shuffled, random);
        // In-memory stores per case (ten RocksDB instances per case were most of the suite's time); the baseline
        // they must equal was computed on RocksDB, so the two store kinds are compared as well.
        try (GraphDriver graph = new GraphDriver(stateDir.resolve("case-" + seed), org.apache.kafka.streams.state.Stores::inMemoryKeyValueStore)) {
            graph.send(shuffled);
            assertThat(differences(graph.nodes, baseline.nodes)).as("nodes that differ from the in-order graph").isEmpty();
            assertThat(differences(graph.edges, baseline.edges)).as("edges that differ from the in-order graph").isEmpty();
        }
    }

    /**
     * Earlier versions keyed a run's events by the root run (a Spark application, an Airflow DAG run): such
     * records, and a run whose events came partly keyed that way and partly by its own id (an upgrade in the
     * middle of a run), fold into the same graph as events keyed by their run.
     */
    @Test
    void runEventsKeyedByTheirRootRunAsEarlierVersionsWroteThemGiveTheSameGraph() {
        List<LineageEvent> events = new ArrayList<>(fixtures("spark-captured"));
        events.addAll(fixtures("airflow"));
        Baseline baseline = Baseline.of(events, stateDir.resolve("baseline"));
        assertThat(events).anyMatch(e -> e.getRun() != null && e.getRun().getParent() != null);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        try (GraphDriver graph = new GraphDriver(stateDir.resolve("root-keyed"))) {
            graph.sendKeyed(events, event -> sent.getAndIncrement() % 2 == 0 ? rootRunKey(event) : LineageEventNormalizer.partitionKey(event));
            assertThat(differences(graph.nodes, baseline.nodes)).as("nodes that differ from the graph of events keyed by run").isEmpty();
            assertThat(differences(graph.edges, baseline.edges)).as("edges that differ from the graph of events keyed by run").isEmpty();
        }
    }

    /** The key earlier versions of ingest gave a run event: its root run, else its parent, else its own. */
    private static String rootRunKey(LineageEvent event) {
        io.headwater.avro.RunInfo run = event.getRun();
        if (run == null) {
            return LineageEventNormalizer.partitionKey(event);
        }
        if (run.getRoot() != null && run.getRoot().getRunId() != null) {
            return run.getRoot().getRunId();
        }
        return run.getParent() != null && run.getParent().getRunId() != null ? run.getParent().getRunId() : run.getRunId();
    }

    private static <V> List<String> differences(Map<String, V> actual, Map<String, V> expected) {
        List<String> differ = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(actual.get(key), expected.get(key))) {
                differ.add(key + "\n   got      " + actual.get(key) + "\n   in order " + expected.get(key));
            }
        }
        return differ;
    }

    /** The graph from the events in capture order, computed once for all cases. */
    private record Baseline(Map<String, GraphNode> nodes, Map<String, GraphEdge> edges) {
        private static Baseline cached;

        static synchronized Baseline of(List<LineageEvent> events, Path dir) {
            if (cached == null) {
                try (GraphDriver graph = new GraphDriver(dir)) {
                    graph.send(events);
                    cached = new Baseline(Map.copyOf(graph.nodes), Map.copyOf(graph.edges));
                }
            }
            return cached;
        }
    }

    @Test
    void aDecisionNeverChangesTheFirstContentStandsAndAForgedRepeatIsRefused() {
        try (GraphDriver graph = new GraphDriver(stateDir)) {
            Instant time = Instant.parse("2026-11-26T10:15:00Z");
            io.headwater.avro.Decision first = io.headwater.avro.Decision.newBuilder().setDecisionId("d-9").setModelName("churn").setModelVersion("3")
                    .setDecisionTime(time).setOutputJson("{\"churn\":true}").setReceivedAt(time).setSentBy("key-a").build();
            graph.sendDecision(first);
            // Sent again (a retry, through another instance): the same decision, taken as itself.
            graph.sendDecision(io.headwater.avro.Decision.newBuilder(first).setReceivedAt(time.plusSeconds(5)).setSentBy("key-b").build());
            assertThat(graph.decisions.get("d-9").getDecision().getModelVersion()).isEqualTo("3");
            io.headwater.avro.Decision forged = io.headwater.avro.Decision.newBuilder(first).setModelVersion("forged").build();
            assertThatThrownBy(() -> graph.sendDecision(forged)).hasRootCauseInstanceOf(io.headwater.streams.graph.FirstDecisionWins.ConflictingDecisionException.class)
                    .hasStackTraceContaining("decision d-9 was recorded first with other content");
            assertThat(graph.decisions.get("d-9").getDecision().getModelVersion()).as("the first content stands").isEqualTo("3");
        }
    }
}
