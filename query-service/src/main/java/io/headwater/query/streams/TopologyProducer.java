package io.headwater.query.streams;

import io.headwater.avro.LinkedDecision;
import io.headwater.contract.Topic;
import io.headwater.contract.Topics;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.TopicSerdes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Every query-service instance holds the whole graph: the compacted node and edge topics are
 * materialised into global RocksDB stores, replayed from the topics on a fresh start. Decisions,
 * far more numerous, are partitioned across the instances: by decision id, and indexed by model
 * version; {@link io.headwater.query.decisions.InteractiveQueries} finds the instance holding a key.
 */
@ApplicationScoped
public class TopologyProducer {

    public static final String NODES_STORE = "graph-nodes";
    public static final String ADJACENCY_STORE = "graph-adjacency";
    public static final String DECISIONS_STORE = "decisions";
    public static final String DECISIONS_BY_MODEL_STORE = "decisions-by-model-version";
    public static final String DECISIONS_BY_SUBJECT_STORE = "decisions-by-subject";
    public static final String HOLDS_STORE = "legal-holds";
    public static final String ERASURES_STORE = "erasures";
    public static final String DECISION_COUNTS_STORE = "decision-counts";
    public static final String ALERTS_STORE = "alerts";
    public static final String WEBHOOKS_STORE = "alert-webhooks";
    public static final String DRIFT_WINDOWS_STORE = "drift-windows";
    public static final String DEPLOYMENTS_STORE = "deployments";
    public static final String AUDIT_INDEX_STORE = "audit-by-id";

    private final TopicSerdes serdes;
    private final AlertListener alertListener;

    @jakarta.inject.Inject
    public TopologyProducer(SchemaRegistryClient registry, AlertListener alertListener) {
        this(new TopicSerdes(registry), alertListener);
    }

    public TopologyProducer(TopicSerdes serdes, AlertListener alertListener) {
        this.serdes = serdes;
        this.alertListener = alertListener;
    }

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<LinkedDecision> decisionSerde = serdes.values(Topics.DECISIONS_LINKED);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NODES_STORE), Serdes.String(), serdes.values(Topics.GRAPH_NODES)).withLoggingDisabled(),
                Topics.GRAPH_NODES.name(), consumed(Topics.GRAPH_NODES),
                () -> new NodeUpdater(NODES_STORE));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ADJACENCY_STORE), Serdes.String(), serdes.values(Topics.GRAPH_EDGES)).withLoggingDisabled(),
                Topics.GRAPH_EDGES.name(), consumed(Topics.GRAPH_EDGES),
                () -> new AdjacencyUpdater(ADJACENCY_STORE));

        // Decisions by id, partitioned as the topic is; a lookup goes to the instance owning the id's partition. The same
        // partitions index them by subject (for an erasure, asked of every instance), and send each change on to the
        // by-version index, a tombstone as the removal of what it held.
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(DECISIONS_STORE), Serdes.String(), decisionSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS_BY_SUBJECT_STORE), Serdes.String(), Serdes.String()));
        // The same decisions re-keyed by model version: counts and pages per version on the instance owning it.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS_BY_MODEL_STORE), Serdes.String(), decisionSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISION_COUNTS_STORE), Serdes.String(), Serdes.Long()));
        builder.stream(Topics.DECISIONS_LINKED.name(), consumed(Topics.DECISIONS_LINKED))
                .process(() -> new DecisionStoreWriter(DECISIONS_STORE, DECISIONS_BY_SUBJECT_STORE), DECISIONS_STORE, DECISIONS_BY_SUBJECT_STORE)
                .repartition(Repartitioned.<String, LinkedDecision>as("decisions-by-model-version")
                        .withKeySerde(Serdes.String()).withValueSerde(decisionSerde))
                .process(() -> new DecisionIndexer(DECISIONS_BY_MODEL_STORE, DECISION_COUNTS_STORE), DECISIONS_BY_MODEL_STORE, DECISION_COUNTS_STORE);
        // Alerts (few) and webhook subscriptions: every instance holds them all.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE), Serdes.String(), serdes.values(Topics.ALERTS)).withLoggingDisabled(),
                Topics.ALERTS.name(), consumed(Topics.ALERTS),
                () -> new KeyValueUpdater<>(ALERTS_STORE, alertListener::alertStored));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WEBHOOKS_STORE), Serdes.String(), serdes.values(Topics.ALERT_WEBHOOKS)).withLoggingDisabled(),
                Topics.ALERT_WEBHOOKS.name(), consumed(Topics.ALERT_WEBHOOKS),
                () -> new KeyValueUpdater<>(WEBHOOKS_STORE));
        // Each model version's judged monitoring windows (one an hour or so per version): every instance holds them all.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DRIFT_WINDOWS_STORE), Serdes.String(), serdes.values(Topics.DRIFT_WINDOWS)).withLoggingDisabled(),
                Topics.DRIFT_WINDOWS.name(), consumed(Topics.DRIFT_WINDOWS),
                () -> new KeyValueUpdater<>(DRIFT_WINDOWS_STORE));
        // Which version serves where since when, as serving systems report it (a few records per release): every instance holds them all.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEPLOYMENTS_STORE), Serdes.String(), serdes.values(Topics.DEPLOYMENTS)).withLoggingDisabled(),
                Topics.DEPLOYMENTS.name(), consumed(Topics.DEPLOYMENTS),
                () -> new KeyValueUpdater<>(DEPLOYMENTS_STORE));
        // Legal holds and erasure receipts (few): every instance holds them all.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOLDS_STORE), Serdes.String(), serdes.values(Topics.HOLDS)).withLoggingDisabled(),
                Topics.HOLDS.name(), consumed(Topics.HOLDS),
                () -> new KeyValueUpdater<>(HOLDS_STORE));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASURES_STORE), Serdes.String(), serdes.values(Topics.ERASURES)).withLoggingDisabled(),
                Topics.ERASURES.name(), consumed(Topics.ERASURES),
                () -> new KeyValueUpdater<>(ERASURES_STORE));
        // The access audit by the ids requests asked about (Q11: who read decision D), partitioned as the topic is.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AUDIT_INDEX_STORE), Serdes.String(), Serdes.String()));
        builder.stream(Topics.AUDIT.name(), consumed(Topics.AUDIT))
                .process(() -> new AuditIndexer(AUDIT_INDEX_STORE), AUDIT_INDEX_STORE);
        return builder.build();
    }

    private <V> Consumed<String, V> consumed(Topic<V> topic) {
        return Consumed.with(topic.keySerde(), serdes.values(topic));
    }
}
