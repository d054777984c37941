package io.headwater.kafka.serde;

import io.headwater.kafka.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads records written in the Confluent wire format. The writer's schema is fetched by id from
 * the registry; the reader's schema is the target class's when one is given (schema evolution
 * resolves the difference), else the writer's, yielding GenericRecord unless
 * {@code specific.avro.reader} asks for the generated class.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final SpecificData readerModel;
    private boolean specific;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {
        this.readerSchema = null;
        this.readerModel = SpecificData.get();
    }

    /** A deserializer into a generated class, reading any compatible writer schema. */
    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.readerModel = modelFor(type);
        this.readerSchema = readerModel.getSchema(type);
        this.specific = true;
    }

    /**
     * The generated class's model (its logical-type conversions), but resolving classes through the
     * class's own loader: frameworks with layered class loaders (Quarkus tests) otherwise get
     * records of a class from another loader.
     */
    private static SpecificData modelFor(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new SchemaRegistryClient(RegistrySerdeConfig.url(configs));
        }
        if (readerSchema == null) {
            specific = RegistrySerdeConfig.flag(configs, RegistrySerdeConfig.SPECIFIC_AVRO_READER, false);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readHeader(buffer, topic);
        try {
            DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not deserialize a record with schema id " + id + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (readerSchema != null) {
            return new SpecificDatumReader<>(writer, readerSchema, readerModel);
        }
        return specific ? new SpecificDatumReader<>(writer) : new GenericDatumReader<>(writer);
    }
}
