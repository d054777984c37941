package io.headwater.streams.topology;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.Decision;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.DriftWindow;
import io.headwater.avro.DriftAlertState;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.LinkedDecision;
import io.headwater.avro.MonitoringStats;
import io.headwater.avro.NodeKind;
import io.headwater.avro.RunHistory;
import io.headwater.contract.Topic;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeId;
import io.headwater.kafka.serde.TopicSerdes;
import io.headwater.streams.drift.DriftDetector;
import io.headwater.streams.drift.DriftThresholds;
import io.headwater.streams.drift.ModelVersionReferences;
import io.headwater.streams.facts.GraphFact.Kind;
import io.headwater.streams.facts.GraphFact;
import io.headwater.streams.graph.DecisionLinks;
import io.headwater.streams.graph.FirstDecisionWins;
import io.headwater.streams.graph.GraphMerge;
import io.headwater.streams.graph.GraphProjection;
import io.headwater.streams.graph.RunProjector;
import io.headwater.streams.graph.SharedFactCombiner;
import io.headwater.streams.metrics.StreamsMetrics;
import io.headwater.streams.runs.RunHistories;
import io.headwater.streams.versions.DatasetVersioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The provenance graph, folded from the lineage stream:
 * <ol>
 *   <li>run events are re-keyed by run id and gathered into each run's history (repeats dropped by
 *       event id), so every arrival order gives the same history;</li>
 *   <li>each history is folded into the run as its events describe it, and projected into nodes,
 *       edges, and dataset reads and writes; only what an event changed is sent on, and what many
 *       runs state about the same job, dataset or column is combined for a short interval first
 *       ({@link SharedFactCombiner});</li>
 *   <li>nodes and edges are merged per id in persistent stores and written to the compacted graph
 *       topics; reads and writes are re-keyed by dataset and resolved to versions as of time.</li>
 * </ol>
 *
 * <p>Who writes which graph ids (the id spaces are disjoint, so no two writers race on a key):
 * <ul>
 *   <li>{@link RunProjector} (merged per id by {@link GraphMerge}, with the datasets and jobs that
 *       DatasetEvents and JobEvents declare): job, job version, dataset, dataset field, run, environment,
 *       model and model version nodes; INPUT_TO, OUTPUT_OF, RUN_OF, CHILD_OF, IN_ENVIRONMENT, PRODUCED,
 *       DERIVED_FROM edges and the VERSION_OF edges of job and model versions; JobEvents add INPUT_TO,
 *       OUTPUT_OF and DERIVED_FROM edges marked declared, which merge with the observed ones;</li>
 *   <li>{@link DatasetVersioner}: dataset version nodes; WROTE and READ edges and the VERSION_OF edges
 *       of dataset versions (it alone retracts edges);</li>
 *   <li>{@link DriftDetector}: alert nodes, ALERT_ON edges, and the alerts topic.</li>
 * </ul>
 */
@ApplicationScoped
public class TopologyProducer {

    public static final String RUNS_STORE = "run-histories";
    public static final String NODES_STORE = "graph-nodes";
    public static final String EDGES_STORE = "graph-edges";
    public static final String MODEL_VERSIONS_STORE = "model-versions";
    public static final String DECISIONS_STORE = "decisions";
    public static final String LINKED_DECISIONS_STORE = "decisions-linked";
    public static final String SHARED_NODES_STORE = "shared-nodes-held";
    public static final String SHARED_EDGES_STORE = "shared-edges-held";
    /** How long shared facts are combined before they are sent on (the default; see headwater.streams.combine-interval). */
    public static final Duration DEFAULT_COMBINE_INTERVAL = Duration.ofMillis(100);

    private final TopicSerdes serdes;
    private final Duration grace;
    private final Duration combineInterval;
    private final DriftThresholds thresholds;
    /** Store suppliers by name: RocksDB in the service; tests may pass others. */
    private final Function<String, KeyValueBytesStoreSupplier> stores;

    @jakarta.inject.Inject
    public TopologyProducer(TopicSerdes serdes, @ConfigProperty(name = "headwater.streams.version-grace") Duration grace,
                            @ConfigProperty(name = "headwater.streams.combine-interval") Duration combineInterval,
                            org.eclipse.microprofile.config.Config config) {
        this(serdes, grace, combineInterval, new DriftThresholds(key -> config.getOptionalValue(key, String.class)), Stores::persistentKeyValueStore);
    }

    public TopologyProducer(TopicSerdes serdes, Duration grace, DriftThresholds thresholds, Function<String, KeyValueBytesStoreSupplier> stores) {
        this(serdes, grace, DEFAULT_COMBINE_INTERVAL, thresholds, stores);
    }

    public TopologyProducer(TopicSerdes serdes, Duration grace, Duration combineInterval, DriftThresholds thresholds,
                            Function<String, KeyValueBytesStoreSupplier> stores) {
        this.serdes = serdes;
        this.grace = grace;
        this.combineInterval = combineInterval;
        this.thresholds = thresholds;
        this.stores = stores;
    }

    @Produces
    public Topology buildTopology() {
        StreamsMetrics.registerAtZero();
        StreamsBuilder builder = new StreamsBuilder();
        Serde<GraphNode> nodeSerde = serdes.values(Topics.GRAPH_NODES);
        Serde<GraphEdge> edgeSerde = serdes.values(Topics.GRAPH_EDGES);
        KStream<String, LineageEvent> events = builder.stream(Topics.LINEAGE.name(), consumed(Topics.LINEAGE));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(RUNS_STORE), Serdes.String(), serdes.avro(RunHistory.class)));
        Map<String, KStream<String, LineageEvent>> runEvents = events
                .filter((key, event) -> event.getKind() == LineageEventKind.RUN && event.getRun() != null)
                // The raw JSON (any size up to ingest's limit) stays on the lineage topic; the run history holds the rest.
                .mapValues(RunHistories::withoutRaw)
                .split(Named.as("run-events-"))
                .branch((key, event) -> event.getRun().getRunId().equals(key), Branched.as("keyed-by-run"))
                .defaultBranch(Branched.as("keyed-otherwise"));
        // Ingest keys a run's events by its id, so they reach the projector's partition as they are. Only records
        // keyed otherwise (by the root run, as earlier versions wrote them) pay a re-key; the re-partition topic has
        // the lineage topic's partition count and the same partitioner, so both paths of one run meet in one task.
        KStream<String, LineageEvent> rekeyed = runEvents.get("run-events-keyed-otherwise")
                .selectKey((key, event) -> event.getRun().getRunId())
                .repartition(Repartitioned.<String, LineageEvent>as("runs-by-id").withKeySerde(Serdes.String()).withValueSerde(serdes.values(Topics.LINEAGE)));
        Map<String, KStream<String, GraphFact>> runFacts = byKind("run-facts-", runEvents.get("run-events-keyed-by-run").merge(rekeyed)
                .process(() -> new RunProjector(RUNS_STORE), RUNS_STORE), Kind.NODE, Kind.EDGE, Kind.ACCESS);

        KStream<String, LineageEvent> staticEvents = events.filter((key, event) -> event.getKind() != LineageEventKind.RUN);
        KStream<String, GraphNode> staticNodes = staticEvents
                .flatMap((key, event) -> {
                    StreamsMetrics.folded(event.getKind());
                    return GraphProjection.staticNodes(event).stream().map(n -> KeyValue.pair(n.getId(), n)).toList();
                });
        // Static lineage: the edges a JobEvent declares join the observed ones, marked declared.
        KStream<String, GraphEdge> staticEdges = staticEvents
                .flatMap((key, event) -> GraphProjection.staticEdges(event).stream().map(e -> KeyValue.pair(e.getId(), e)).toList());

        // The held facts live in the record cache until they are sent, so a held put costs no changelog
        // write. The merged node and edge stores below have no cache: their input is combined already, and
        // their clean entries would fill the thread's cache and push held facts out to the changelog.
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(SHARED_NODES_STORE), Serdes.String(), nodeSerde).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(SHARED_EDGES_STORE), Serdes.String(), edgeSerde).withCachingEnabled());
        KTable<String, GraphNode> nodes = facts(runFacts, "run-facts-", Kind.NODE, GraphNode.class)
                .process(() -> new SharedFactCombiner<GraphNode>(SHARED_NODES_STORE, combineInterval, GraphMerge::merge, GraphProjection::aboutOneRun),
                        Named.as("combine-shared-nodes"), SHARED_NODES_STORE)
                .merge(staticNodes)
                .groupByKey(Grouped.with("nodes-by-id", Serdes.String(), nodeSerde))
                .reduce(GraphMerge::merge, Materialized.<String, GraphNode>as(stores.apply(NODES_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(nodeSerde).withCachingDisabled());
        nodes.toStream().to(Topics.GRAPH_NODES.name(), produced(Topics.GRAPH_NODES));

        // Decisions, keyed by id, each linked to its model version; one that names a
        // version not yet known is kept unlinked and re-emitted, linked, when the version appears.
        KTable<String, GraphNode> modelVersions = nodes.filter((id, node) -> node.getKind() == NodeKind.MODEL_VERSION,
                Materialized.<String, GraphNode>as(stores.apply(MODEL_VERSIONS_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(nodeSerde));
        // The first content of a decision id stands (FirstDecisionWins); a conflicting repeat is dead-lettered.
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(FirstDecisionWins.STORE), Serdes.String(), Serdes.String()));
        builder.stream(Topics.DECISIONS.name(), consumed(Topics.DECISIONS))
                .processValues(FirstDecisionWins::new, Named.as("first-decision-wins"), FirstDecisionWins.STORE)
                .toTable(Named.as("decisions-table"), Materialized.<String, Decision>as(stores.apply(DECISIONS_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.values(Topics.DECISIONS)))
                .leftJoin(modelVersions, decision -> NodeId.modelVersion(decision.getModelName(), decision.getModelVersion()).value(),
                        DecisionLinks::link, TableJoined.as("decision-model-version"),
                        Materialized.<String, LinkedDecision>as(stores.apply(LINKED_DECISIONS_STORE))
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.values(Topics.DECISIONS_LINKED)))
                .toStream()
                .to(Topics.DECISIONS_LINKED.name(), produced(Topics.DECISIONS_LINKED));

        facts(runFacts, "run-facts-", Kind.EDGE, GraphEdge.class)
                .process(() -> new SharedFactCombiner<GraphEdge>(SHARED_EDGES_STORE, combineInterval, GraphMerge::merge, GraphProjection::aboutOneRun),
                        Named.as("combine-shared-edges"), SHARED_EDGES_STORE)
                .merge(staticEdges)
                .groupByKey(Grouped.with("edges-by-id", Serdes.String(), edgeSerde))
                .reduce(GraphMerge::merge, Materialized.<String, GraphEdge>as(stores.apply(EDGES_STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(edgeSerde).withCachingDisabled())
                .toStream()
                .to(Topics.GRAPH_EDGES.name(), produced(Topics.GRAPH_EDGES));

        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DatasetVersioner.VERSIONS_STORE), Serdes.String(), nodeSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DatasetVersioner.READS_STORE), Serdes.String(), edgeSerde));
        Map<String, KStream<String, GraphFact>> versionFacts = byKind("version-facts-", facts(runFacts, "run-facts-", Kind.ACCESS, DatasetAccess.class)
                .repartition(Repartitioned.<String, DatasetAccess>as("accesses-by-dataset").withKeySerde(Serdes.String())
                        .withValueSerde(serdes.avro(DatasetAccess.class)))
                .process(() -> new DatasetVersioner(grace), DatasetVersioner.VERSIONS_STORE, DatasetVersioner.READS_STORE), Kind.NODE, Kind.EDGE);
        facts(versionFacts, "version-facts-", Kind.NODE, GraphNode.class).to(Topics.GRAPH_NODES.name(), produced(Topics.GRAPH_NODES));
        facts(versionFacts, "version-facts-", Kind.EDGE, GraphEdge.class).to(Topics.GRAPH_EDGES.name(), produced(Topics.GRAPH_EDGES));

        drift(builder);
        return builder.build();
    }

    /**
     * Monitoring windows, keyed by model version, judged against the reference profile of the run
     * that trained it (model version nodes held in a global store from the graph topic).
     */
    private void drift(StreamsBuilder builder) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.REFERENCES_STORE),
                        Serdes.String(), serdes.values(Topics.GRAPH_NODES)).withLoggingDisabled(),
                Topics.GRAPH_NODES.name(), consumed(Topics.GRAPH_NODES), ModelVersionReferences::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.ALERTS_STORE), Serdes.String(), serdes.avro(DriftAlertState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DriftDetector.PENDING_STORE), Serdes.String(), serdes.values(Topics.MONITORING)));
        Map<String, KStream<String, GraphFact>> driftFacts = byKind("drift-facts-", builder.stream(Topics.MONITORING.name(), consumed(Topics.MONITORING))
                .filter((key, window) -> window != null)
                .selectKey((key, window) -> NodeId.modelVersion(window.getModelName(), window.getModelVersion()).value())
                .repartition(Repartitioned.<String, MonitoringStats>as("monitoring-by-model-version")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.values(Topics.MONITORING)))
                .process(() -> new DriftDetector(thresholds), DriftDetector.ALERTS_STORE, DriftDetector.PENDING_STORE), Kind.ALERT, Kind.NODE, Kind.EDGE,
                Kind.WINDOW);
        facts(driftFacts, "drift-facts-", Kind.ALERT, DriftAlert.class).to(Topics.ALERTS.name(), produced(Topics.ALERTS));
        facts(driftFacts, "drift-facts-", Kind.NODE, GraphNode.class).to(Topics.GRAPH_NODES.name(), produced(Topics.GRAPH_NODES));
        facts(driftFacts, "drift-facts-", Kind.EDGE, GraphEdge.class).to(Topics.GRAPH_EDGES.name(), produced(Topics.GRAPH_EDGES));
        facts(driftFacts, "drift-facts-", Kind.WINDOW, DriftWindow.class).to(Topics.DRIFT_WINDOWS.name(), produced(Topics.DRIFT_WINDOWS));
    }

    /** A processor's facts split by kind into named branches ({@code <prefix><kind>}). */
    private static Map<String, KStream<String, GraphFact>> byKind(String prefix, KStream<String, GraphFact> facts, Kind... kinds) {
        BranchedKStream<String, GraphFact> split = facts.split(Named.as(prefix));
        for (Kind kind : kinds) {
            split = split.branch((id, fact) -> fact.kind() == kind, Branched.as(kind.name().toLowerCase(Locale.ROOT)));
        }
        return split.noDefaultBranch();
    }

    /** The values of one kind's branch (null stays null: a retracted edge). */
    private static <T> KStream<String, T> facts(Map<String, KStream<String, GraphFact>> branches, String prefix, Kind kind, Class<T> type) {
        return branches.get(prefix + kind.name().toLowerCase(Locale.ROOT)).mapValues(fact -> type.cast(fact.value()));
    }

    private <V> Consumed<String, V> consumed(Topic<V> topic) {
        return Consumed.with(topic.keySerde(), serdes.values(topic));
    }

    private <V> Produced<String, V> produced(Topic<V> topic) {
        return Produced.with(topic.keySerde(), serdes.values(topic));
    }
}
