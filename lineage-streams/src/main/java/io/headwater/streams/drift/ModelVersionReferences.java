package io.headwater.streams.drift;

import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the model version nodes of the graph topic (with their reference profiles) in a global store, for every drift task. */
public class ModelVersionReferences implements Processor<String, GraphNode, Void, Void> {

    private KeyValueStore<String, GraphNode> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DriftDetector.REFERENCES_STORE);
    }

    @Override
    public void process(Record<String, GraphNode> record) {
        GraphNode node = record.value();
        if (node == null) {
            store.delete(record.key());
        } else if (node.getKind() == NodeKind.MODEL_VERSION) {
            store.put(record.key(), node);
        }
    }
}
