package io.headwater.kafka.serde;

import io.headwater.kafka.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;

/** A Kafka (Streams) serde for one generated Avro class, over the registry wire format. */
public final class AvroSerde {

    private AvroSerde() {
    }

    /** A serde for values of the given class, already configured against the registry. */
    public static <T extends SpecificRecord> Serde<T> forValues(SchemaRegistryClient registry, Class<T> type) {
        Serde<T> serde = Serdes.serdeFrom(new AvroSerializer<>(registry), new AvroDeserializer<>(registry, type));
        serde.configure(Map.of(), false);
        return serde;
    }
}
