package io.headwater.query.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.function.Consumer;

/** Mirrors a compacted topic into a global store as is (a tombstone deletes), telling a listener of each new value. */
class KeyValueUpdater<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final Consumer<V> onPut;
    private KeyValueStore<String, V> store;

    KeyValueUpdater(String storeName) {
        this(storeName, value -> { });
    }

    KeyValueUpdater(String storeName, Consumer<V> onPut) {
        this.storeName = storeName;
        this.onPut = onPut;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
            onPut.accept(record.value());
        }
    }
}
