package io.headwater.query.streams;

import io.headwater.avro.GraphNode;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the node store in step with the compacted node topic; a tombstone removes the node. */
class NodeUpdater implements Processor<String, GraphNode, Void, Void> {

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
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
