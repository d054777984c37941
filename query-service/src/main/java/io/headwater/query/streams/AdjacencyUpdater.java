package io.headwater.query.streams;

import io.headwater.avro.GraphEdge;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the adjacency store in step with the compacted edge topic (also during restore). */
class AdjacencyUpdater implements Processor<String, GraphEdge, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, GraphEdge> store;

    AdjacencyUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, GraphEdge> record) {
        GraphEdge previous = store.get(GraphStoreKeys.byId(record.key()));
        if (previous != null) {
            remove(previous);
        }
        GraphEdge edge = record.value();
        if (edge != null) {
            String kind = edge.getKind().name();
            store.put(GraphStoreKeys.out(edge.getSource(), kind, edge.getTarget()), edge);
            store.put(GraphStoreKeys.in(edge.getTarget(), kind, edge.getSource()), edge);
            store.put(GraphStoreKeys.byId(record.key()), edge);
        } else {
            store.delete(GraphStoreKeys.byId(record.key()));
        }
    }

    private void remove(GraphEdge edge) {
        String kind = edge.getKind().name();
        store.delete(GraphStoreKeys.out(edge.getSource(), kind, edge.getTarget()));
        store.delete(GraphStoreKeys.in(edge.getTarget(), kind, edge.getSource()));
    }
}
