package io.headwater.streams.topology;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the topology keeps its state: RocksDB, always, when the service runs; in memory only for
 * the many short-lived TopologyTestDriver cases of the order-independence property, where opening
 * ten RocksDB instances per case would be most of the suite's time (the fixed topology tests and the
 * real-broker tests keep RocksDB).
 */
public enum StoreKind {
    PERSISTENT, IN_MEMORY;

    KeyValueBytesStoreSupplier supplier(String name) {
        return this == PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }
}
