package io.headwater.streams.topology;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.Decision;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.LinkedDecision;
import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeId;
import io.headwater.streams.drift.DriftDetector;
import io.headwater.streams.drift.DriftThresholds;
import io.headwater.streams.drift.ModelVersionReferences;
import io.headwater.streams.graph.DecisionLinks;
import io.headwater.streams.graph.GraphMerge;
import io.headwater.streams.graph.GraphProjection;
import io.headwater.streams.graph.RunProjector;
import io.headwater.streams.runs.RunHistories;
import io.headwater.streams.versions.DatasetVersioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.function.Function;

/**
 * The provenance graph, folded from the lineage stream:
 * <ol>
 *   <li>run events are re-keyed by run id and gathered into each run's history (repeats dropped by
 *       event id), so every arrival order gives the same history;</li>
 *   <li>each history is folded into the run as its events describe it, and projected into nodes,
 *       edges, and dataset reads and writes; only what an event changed is sent on;</li>
 *   <li>nodes and edges are merged per id in persistent stores and written to the compacted graph
 *       topics; reads and writes are re-keyed by dataset and resolved to versions as of time.</li>
 * </ol>
 */
@ApplicationScoped
public class TopologyProducer {

    public static final String RUNS_STORE = "run-histories";
    public static final String NODES_STORE = "graph-nodes";
    public static final String EDGES_STORE = "graph-edges";
    public static final String MODEL_VERSIONS_STORE = "model-versions";
    public static final String DECISIONS_STORE = "decisions";
    public static final String LINKED_DECISIONS_STORE = "decisions-linked";

    private final GraphSerdes serdes;
    private final Duration grace;
    private final DriftThresholds thresholds;
    /** Store suppliers by name: RocksDB in the service; tests may pass others. */
    private final Function<String, KeyValueBytesStoreSupplier> stores;

    @jakarta.inject.Inject
    public TopologyProducer(GraphSerdes serdes, @ConfigProperty(name = "headwater.streams.version-grace") Duration grace,
                            org.eclipse.microprofile.config.Config config) {
        this(serdes, grace, new DriftThresholds(key -> config.getOptionalValue(key, String.class)), Stores::persistentKeyValueStore);
    }

    public TopologyProducer(GraphSerdes serdes, Duration grace, DriftThresholds thresholds, Function<String, KeyValueBytesStoreSupplier> stores) {
        this.serdes = serdes;
        this.grace = grace;
        this.thresholds = thresholds;
        this.stores = stores;
    }

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, LineageEvent> events = builder.stream(Topics.LINEAGE, Consumed.with(Serdes.String(), serdes.lineage()));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(RUNS_STORE), Serdes.String(), serdes.runHistory()));
        KStream<String, SpecificRecord> runFacts = events
                .filter((key, event) -> event.getKind() == LineageEventKind.RUN && event.getRun() != null)
                .selectKey((key, event) -> event.getRun().getRunId())
                // The raw JSON (any size up to ingest's limit) stays on the lineage topic; the re-partition carries the rest.
                .mapValues(RunHistories::withoutRaw)
                .repartition(Repartitioned.<String, LineageEvent>as("runs-by-id").withKeySerde(Serdes.String()).withValueSerde(serdes.lineage()))
                .process(() -> new RunProjector(RUNS_STORE), RUNS_STORE);

        KStream<String, GraphNode> staticNodes = events
                .filter((key, event) -> event.getKind() != LineageEventKind.RUN)
                .flatMap((key, event) -> GraphProjection.staticNodes(event).stream().map(n -> KeyValue.pair(n.getId(), n)).toList());

        KTable<String, GraphNode> nodes = facts(runFacts, RunProjector.NODE, GraphNode.class)
                .merge(staticNodes)
                .groupByKey(Grouped.with("nodes-by-id", Serdes.String(), serdes.nodes()))
                .reduce(GraphMerge::merge, Materialized.<String, GraphNode>as(stores.apply(NODES_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.nodes()));
        nodes.toStream().to(Topics.GRAPH_NODES, Produced.with(Serdes.String(), serdes.nodes()));

        // Decisions, keyed by id (a repeat replaces itself), each linked to its model version; one that names a
        // version not yet known is kept unlinked and re-emitted, linked, when the version appears.
        KTable<String, GraphNode> modelVersions = nodes.filter((id, node) -> node.getKind() == NodeKind.MODEL_VERSION,
                Materialized.<String, GraphNode>as(stores.apply(MODEL_VERSIONS_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.nodes()));
        builder.table(Topics.DECISIONS, Consumed.with(Serdes.String(), serdes.decisions()),
                        Materialized.<String, Decision>as(stores.apply(DECISIONS_STORE))
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.decisions()))
                .leftJoin(modelVersions, decision -> NodeId.modelVersion(decision.getModelName(), decision.getModelVersion()).value(),
                        DecisionLinks::link,
                        Materialized.<String, LinkedDecision>as(stores.apply(LINKED_DECISIONS_STORE))
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.linkedDecisions()))
                .toStream()
                .to(Topics.DECISIONS_LINKED, Produced.with(Serdes.String(), serdes.linkedDecisions()));

        facts(runFacts, RunProjector.EDGE, GraphEdge.class)
                .groupByKey(Grouped.with("edges-by-id", Serdes.String(), serdes.edges()))
                .reduce(GraphMerge::merge, Materialized.<String, GraphEdge>as(stores.apply(EDGES_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.edges()))
                .toStream()
                .to(Topics.GRAPH_EDGES, Produced.with(Serdes.String(), serdes.edges()));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DatasetVersioner.VERSIONS_STORE),
                Serdes.String(), serdes.nodes()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DatasetVersioner.READS_STORE),
                Serdes.String(), serdes.edges()));
        KStream<String, SpecificRecord> versionFacts = facts(runFacts, RunProjector.ACCESS, DatasetAccess.class)
                .repartition(Repartitioned.<String, DatasetAccess>as("accesses-by-dataset").withKeySerde(Serdes.String()).withValueSerde(serdes.accesses()))
                .process(() -> new DatasetVersioner(grace), DatasetVersioner.VERSIONS_STORE, DatasetVersioner.READS_STORE);
        facts(versionFacts, DatasetVersioner.NODE, GraphNode.class).to(Topics.GRAPH_NODES, Produced.with(Serdes.String(), serdes.nodes()));
        facts(versionFacts, DatasetVersioner.EDGE, GraphEdge.class).to(Topics.GRAPH_EDGES, Produced.with(Serdes.String(), serdes.edges()));

        drift(builder);
        return builder.build();
    }

    /**
     * Monitoring windows, keyed by model version, judged against the reference profile of the run
     * that trained it (model version nodes held in a global store from the graph topic).
     */
    private void drift(StreamsBuilder builder) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.REFERENCES_STORE),
                        Serdes.String(), serdes.nodes()).withLoggingDisabled(),
                Topics.GRAPH_NODES, Consumed.with(Serdes.String(), serdes.nodes()), ModelVersionReferences::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.ALERTS_STORE), Serdes.String(), serdes.alertStates()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.PENDING_STORE), Serdes.String(), serdes.monitoring()));
        KStream<String, SpecificRecord> driftFacts = builder.stream(Topics.MONITORING, Consumed.with(Serdes.String(), serdes.monitoring()))
                .filter((key, window) -> window != null)
                .selectKey((key, window) -> NodeId.modelVersion(window.getModelName(), window.getModelVersion()).value())
                .repartition(Repartitioned.<String, io.headwater.avro.MonitoringStats>as("monitoring-by-model-version")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.monitoring()))
                .process(() -> new DriftDetector(thresholds), DriftDetector.ALERTS_STORE, DriftDetector.PENDING_STORE);
        facts(driftFacts, DriftDetector.ALERT, io.headwater.avro.DriftAlert.class).to(Topics.ALERTS, Produced.with(Serdes.String(), serdes.alerts()));
        facts(driftFacts, DriftDetector.NODE, GraphNode.class).to(Topics.GRAPH_NODES, Produced.with(Serdes.String(), serdes.nodes()));
        facts(driftFacts, DriftDetector.EDGE, GraphEdge.class).to(Topics.GRAPH_EDGES, Produced.with(Serdes.String(), serdes.edges()));
    }

    /** The facts of one kind from a processor that forwards several, keyed prefix + id (a null value is a retraction). */
    private static <T> KStream<String, T> facts(KStream<String, SpecificRecord> mixed, String prefix, Class<T> type) {
        return mixed.filter((key, fact) -> key.startsWith(prefix))
                .map((key, fact) -> KeyValue.pair(key.substring(prefix.length()), type.cast(fact)));
    }
}
