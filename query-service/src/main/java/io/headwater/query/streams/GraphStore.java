package io.headwater.query.streams;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read access to this instance's replica of the graph: nodes by id, edges by prefix scan. */
@ApplicationScoped
public class GraphStore {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;

    public GraphStore(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes().get(id));
    }

    /** Edges leaving the node (the node is upstream). */
    public List<GraphEdge> outEdges(String node) {
        return scan(GraphStoreKeys.outPrefix(node));
    }

    /** Edges arriving at the node (the node is downstream). */
    public List<GraphEdge> inEdges(String node) {
        return scan(GraphStoreKeys.inPrefix(node));
    }

    private List<GraphEdge> scan(String prefix) {
        List<GraphEdge> edges = new ArrayList<>();
        try (KeyValueIterator<String, GraphEdge> it = adjacency().prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> edges.add(kv.value));
        }
        return edges;
    }

    private ReadOnlyKeyValueStore<String, GraphNode> nodes() {
        return store(TopologyProducer.NODES_STORE);
    }

    private ReadOnlyKeyValueStore<String, GraphEdge> adjacency() {
        return store(TopologyProducer.ADJACENCY_STORE);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new GraphNotReadyException(e);
        }
    }

    /** The graph is still being loaded (or the streams client stopped); callers answer 503. */
    public static class GraphNotReadyException extends RuntimeException {
        GraphNotReadyException(Throwable cause) {
            super("the graph is still loading; retry shortly", cause);
        }
    }
}
