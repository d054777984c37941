package io.headwater.kafka.serde;

import io.headwater.contract.Topic;
import io.headwater.kafka.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value serdes of a service, all through one registry client: for a contract topic by the topic
 * itself, and for the Avro records a service keeps in its own stores and internal topics by class.
 */
public final class TopicSerdes {

    private final SchemaRegistryClient registry;
    private final Map<Class<?>, Serde<?>> avro = new ConcurrentHashMap<>();

    public TopicSerdes(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** The serde for the values of a topic. */
    @SuppressWarnings("unchecked")
    public <V> Serde<V> values(Topic<V> topic) {
        return switch (topic.format()) {
            case AVRO -> (Serde<V>) avro((Class<? extends SpecificRecord>) topic.valueType());
            case JSON -> (Serde<V>) Serdes.String();
            case BYTES -> (Serde<V>) Serdes.ByteArray();
        };
    }

    /** The serde for an Avro record kept in a store or an internal topic. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> Serde<V> avro(Class<V> type) {
        return (Serde<V>) avro.computeIfAbsent(type, t -> AvroSerde.forValues(registry, type));
    }

    public SchemaRegistryClient registry() {
        return registry;
    }
}
