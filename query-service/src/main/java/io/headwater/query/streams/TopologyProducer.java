package io.headwater.query.streams;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.Topics;
import io.headwater.registry.client.SchemaRegistryClient;
import io.headwater.registry.serde.AvroSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every query-service instance holds the whole graph: the compacted node and edge topics are
 * materialised into global RocksDB stores, replayed from the topics on a fresh start.
 */
@ApplicationScoped
public class TopologyProducer {

    public static final String NODES_STORE = "graph-nodes";
    public static final String ADJACENCY_STORE = "graph-adjacency";

    private final Serde<GraphNode> nodeSerde;
    private final Serde<GraphEdge> edgeSerde;

    public TopologyProducer(@ConfigProperty(name = "headwater.schema-registry.url") String registryUrl) {
        SchemaRegistryClient registry = new SchemaRegistryClient(registryUrl);
        this.nodeSerde = AvroSerde.forValues(registry, GraphNode.class);
        this.edgeSerde = AvroSerde.forValues(registry, GraphEdge.class);
    }

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NODES_STORE), Serdes.String(), nodeSerde).withLoggingDisabled(),
                Topics.GRAPH_NODES, Consumed.with(Serdes.String(), nodeSerde),
                () -> new NodeUpdater(NODES_STORE));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ADJACENCY_STORE), Serdes.String(), edgeSerde).withLoggingDisabled(),
                Topics.GRAPH_EDGES, Consumed.with(Serdes.String(), edgeSerde),
                () -> new AdjacencyUpdater(ADJACENCY_STORE));
        return builder.build();
    }
}
