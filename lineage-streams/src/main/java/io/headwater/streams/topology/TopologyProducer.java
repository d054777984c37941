package io.headwater.streams.topology;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.contract.Topics;
import io.headwater.streams.graph.GraphMerge;
import io.headwater.streams.graph.GraphProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The provenance graph, folded from the lineage stream: every event is projected into the nodes
 * and edges it mentions, re-keyed by node / edge id, and merged per id in persistent (RocksDB)
 * stores; each merged record goes to the compacted graph topics that the query service reads.
 */
@ApplicationScoped
public class TopologyProducer {

    public static final String NODES_STORE = "graph-nodes";
    public static final String EDGES_STORE = "graph-edges";

    private final GraphSerdes serdes;

    public TopologyProducer(GraphSerdes serdes) {
        this.serdes = serdes;
    }

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, LineageEvent> events = builder.stream(Topics.LINEAGE, Consumed.with(Serdes.String(), serdes.lineage()));

        events.flatMap((key, event) -> GraphProjection.nodes(event).stream().map(n -> KeyValue.pair(n.getId(), n)).toList())
                .groupByKey(Grouped.with("nodes-by-id", Serdes.String(), serdes.nodes()))
                .reduce(GraphMerge::merge, Materialized.<String, GraphNode, KeyValueStore<Bytes, byte[]>>as(NODES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.nodes()))
                .toStream()
                .to(Topics.GRAPH_NODES, Produced.with(Serdes.String(), serdes.nodes()));

        events.flatMap((key, event) -> GraphProjection.edges(event).stream().map(e -> KeyValue.pair(e.getId(), e)).toList())
                .groupByKey(Grouped.with("edges-by-id", Serdes.String(), serdes.edges()))
                .reduce(GraphMerge::merge, Materialized.<String, GraphEdge, KeyValueStore<Bytes, byte[]>>as(EDGES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.edges()))
                .toStream()
                .to(Topics.GRAPH_EDGES, Produced.with(Serdes.String(), serdes.edges()));

        return builder.build();
    }
}
