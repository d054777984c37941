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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

    /** Each thread's output, reused from record to record. */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

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
            Output out = OUTPUT.get();
            // Reconfiguring flushes what a record that failed mid-write left in the encoder; begin() then drops it.
            out.encoder = EncoderFactory.get().binaryEncoder(out, out.encoder);
            out.begin(id);
            writers.computeIfAbsent(schema, s -> writerFor(record)).write(record, out.encoder);
            out.encoder.flush();
            return out.end();
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

    /**
     * A growing buffer and a buffered encoder over it, reused by one thread from record to record: a
     * fresh 256-byte stream grew by copying several times for a graph fact, every write to it was
     * synchronised, and the direct encoder wrote byte by byte. One copy leaves per record.
     */
    private static final class Output extends OutputStream {

        private static final int INITIAL = 8 * 1024;
        /** Larger buffers (a large record's) are let go after use, not kept by the thread. */
        private static final int KEPT = 1024 * 1024;
        private byte[] bytes = new byte[INITIAL];
        private int count;
        BinaryEncoder encoder;

        void begin(int schemaId) {
            count = 0;
            ensure(WireFormat.HEADER_LENGTH);
            WireFormat.writeHeader(ByteBuffer.wrap(bytes, 0, WireFormat.HEADER_LENGTH), schemaId);
            count = WireFormat.HEADER_LENGTH;
        }

        byte[] end() {
            byte[] record = Arrays.copyOf(bytes, count);
            if (bytes.length > KEPT) {
                bytes = new byte[INITIAL];
            }
            count = 0;
            return record;
        }

        @Override
        public void write(int b) {
            ensure(count + 1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(count + len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int needed) {
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
        }
    }
}
