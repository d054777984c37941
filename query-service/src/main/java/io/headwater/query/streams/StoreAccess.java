package io.headwater.query.streams;

import io.headwater.query.errors.GraphNotReadyException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's Kafka Streams stores by name; a store not queryable now (loading, rebalancing) is a 503. */
@ApplicationScoped
public class StoreAccess {

    private final KafkaStreams streams;

    public StoreAccess(KafkaStreams streams) {
        this.streams = streams;
    }

    public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new GraphNotReadyException(e);
        }
    }

    /** One partition of a partitioned store, as this instance holds it. */
    public <V> ReadOnlyKeyValueStore<String, V> keyValue(String name, int partition) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw new GraphNotReadyException(e);
        }
    }

    /**
     * Whether this instance holds the partition of a partitioned store, queryable now. The handle
     * resolves partitions lazily, so it is touched to find out.
     */
    public boolean hosts(String name, int partition) {
        try {
            streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()).withPartition(partition))
                    .approximateNumEntries();
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }
}
