package io.headwater.query.streams;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Read access to this instance's replica of the graph: nodes by id, kind or attribute; edges by prefix scan. */
@ApplicationScoped
public class GraphStore {

    private static final StringSerializer KEYS = new StringSerializer();

    private final StoreAccess stores;

    public GraphStore(StoreAccess stores) {
        this.stores = stores;
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes().get(GraphStoreKeys.node(id)));
    }

    /** Edges leaving the node (the node is upstream). */
    public List<GraphEdge> outEdges(String node) {
        return scan(adjacency(), GraphStoreKeys.outPrefix(node), e -> true, Integer.MAX_VALUE);
    }

    /** Edges arriving at the node (the node is downstream). */
    public List<GraphEdge> inEdges(String node) {
        return scan(adjacency(), GraphStoreKeys.inPrefix(node), e -> true, Integer.MAX_VALUE);
    }

    /** Nodes of an indexed kind (dataset, job, model, alert) that pass the filter, at most {@code limit}. */
    public List<GraphNode> nodesOfKind(NodeKind kind, Predicate<GraphNode> filter, int limit) {
        return scan(nodes(), GraphStoreKeys.kindPrefix(kind.name()), filter, limit);
    }

    /** Nodes whose attribute (commit, imageDigest, containerImage) starts with this value (a short commit finds the full one). */
    public List<GraphNode> nodesWithAttributePrefix(String attribute, String valuePrefix, int limit) {
        return scan(nodes(), GraphStoreKeys.attributeValuePrefix(attribute, valuePrefix), n -> true, limit);
    }

    /** Nodes whose id starts with the prefix (the fields of a dataset), at most {@code limit}. */
    public List<GraphNode> nodesWithIdPrefix(String idPrefix, int limit) {
        return scan(nodes(), GraphStoreKeys.nodePrefix(idPrefix), n -> true, limit);
    }

    private static <V> List<V> scan(ReadOnlyKeyValueStore<String, V> store, String prefix, Predicate<V> filter, int limit) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext() && values.size() < limit) {
                V value = it.next().value;
                if (filter.test(value)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private ReadOnlyKeyValueStore<String, GraphNode> nodes() {
        return stores.keyValue(TopologyProducer.NODES_STORE);
    }

    private ReadOnlyKeyValueStore<String, GraphEdge> adjacency() {
        return stores.keyValue(TopologyProducer.ADJACENCY_STORE);
    }

}
