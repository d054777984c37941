package io.headwater.query.streams;

import io.headwater.avro.DriftAlert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.function.Consumer;

/** Keeps the alert store in step with the alerts topic and tells the live feed of each alert. */
class AlertUpdater implements Processor<String, DriftAlert, Void, Void> {

    private final String storeName;
    private final Consumer<DriftAlert> feed;
    private KeyValueStore<String, DriftAlert> store;

    AlertUpdater(String storeName, Consumer<DriftAlert> feed) {
        this.storeName = storeName;
        this.feed = feed;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, DriftAlert> record) {
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        store.put(record.key(), record.value());
        feed.accept(record.value());
    }
}
