package io.headwater.query.streams;

import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;
import java.util.Set;

/**
 * Keeps the node store in step with the compacted node topic (a tombstone removes the node), with
 * its indexes: by kind for the kinds one lists or searches by name, by attribute for what one
 * searches by value (a commit, an image digest, a tag, an owner, another name of a dataset).
 */
class NodeUpdater implements Processor<String, GraphNode, Void, Void> {

    /** Kinds listed or searched by name; runs, versions and fields are reached through edges instead. */
    static final Set<NodeKind> INDEXED_KINDS = Set.of(NodeKind.DATASET, NodeKind.JOB, NodeKind.MODEL, NodeKind.ALERT);
    /** Attributes searched by value prefix: job versions by commit, environments by image and digest, jobs and datasets by tag, owner and alias (each element of a list alone). */
    static final List<String> INDEXED_ATTRIBUTES = NodeAttributes.SEARCHABLE;

    private final String storeName;
    private KeyValueStore<String, GraphNode> store;

    NodeUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, GraphNode> record) {
        GraphNode previous = store.get(GraphStoreKeys.node(record.key()));
        if (previous != null) {
            unindex(record.key(), previous);
        }
        GraphNode node = record.value();
        if (node == null) {
            store.delete(GraphStoreKeys.node(record.key()));
            return;
        }
        store.put(GraphStoreKeys.node(record.key()), node);
        if (INDEXED_KINDS.contains(node.getKind())) {
            store.put(GraphStoreKeys.kind(node.getKind().name(), record.key()), node);
        }
        for (String attribute : INDEXED_ATTRIBUTES) {
            for (String value : NodeAttributes.values(attribute, node.getAttributes().get(attribute))) {
                store.put(GraphStoreKeys.attribute(attribute, value, record.key()), node);
            }
        }
    }

    private void unindex(String id, GraphNode node) {
        store.delete(GraphStoreKeys.kind(node.getKind().name(), id));
        for (String attribute : INDEXED_ATTRIBUTES) {
            for (String value : NodeAttributes.values(attribute, node.getAttributes().get(attribute))) {
                store.delete(GraphStoreKeys.attribute(attribute, value, id));
            }
        }
    }
}
