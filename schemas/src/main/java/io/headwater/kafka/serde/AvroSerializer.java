package io.headwater.kafka.serde;

import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Avro records in the Confluent wire format, registering (or looking up) the writer's
 * schema under the subject {@code <topic>-key} or {@code <topic>-value} (TopicNameStrategy).
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /** Ids by subject and schema: Schema caches its hash and compares by identity first, so a hit costs no schema-to-JSON. */
    private final Map<String, Map<Schema, Integer>> ids = new ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = new SchemaRegistryClient(RegistrySerdeConfig.url(configs));
        }
        autoRegister = RegistrySerdeConfig.flag(configs, RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            int id = ids.computeIfAbsent(subject, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(schema, k -> autoRegister ? registry.register(subject, k) : registry.lookup(subject, k));
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_LENGTH);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> writerFor(record)).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (SchemaRegistryException e) {
            // An unreachable registry is an outage the caller waits out (503, a retry), not a record that cannot be encoded.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not serialize " + schema.getFullName() + " for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Generated classes carry their own logical-type conversions (timestamps as Instant), so write them with their model. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DatumWriter<Object> writerFor(GenericContainer record) {
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter(record.getSchema(), SpecificData.getForClass(record.getClass()));
        }
        return new GenericDatumWriter(record.getSchema());
    }
}
