package io.headwater.kafka.serde;

import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.kafka.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serializer reuses each thread's buffer: what it writes must not depend on what it wrote before, nor on the thread. */
class AvroSerializerTest {

    /** Ids in memory: the real client is tested against the real registry elsewhere. */
    private static final class Registry extends SchemaRegistryClient {
        private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
        private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

        Registry() {
            super("http://registry.invalid");
        }

        @Override
        public synchronized int register(String subject, Schema schema) {
            return ids.computeIfAbsent(schema, s -> {
                int id = 300 + ids.size();
                schemas.put(id, s);
                return id;
            });
        }

        @Override
        public Schema schemaById(int id) {
            return schemas.get(id);
        }
    }

    private static GraphNode node(String name) {
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        return GraphNode.newBuilder().setId("dataset:" + name).setKind(NodeKind.DATASET).setName(name).setNamespace("ns")
                .setFirstSeen(t).setLastSeen(t).setAttributes(Map.of("k", "v")).build();
    }

    @Test
    void aSmallRecordAfterALargeOneIsWrittenAsAFreshSerializerWouldAndReadsBack() {
        Registry registry = new Registry();
        AvroSerializer<GraphNode> used = new AvroSerializer<>(registry);
        AvroDeserializer<GraphNode> reader = new AvroDeserializer<>(registry, GraphNode.class);
        GraphNode large = node("x".repeat(3 * 1024 * 1024));
        GraphNode small = node("orders");

        byte[] largeBytes = used.serialize("t", large);
        byte[] smallBytes = used.serialize("t", small);

        assertThat(largeBytes).hasSizeGreaterThan(3 * 1024 * 1024);
        assertThat(smallBytes).isEqualTo(new AvroSerializer<GraphNode>(registry).serialize("t", small));
        assertThat(smallBytes).startsWith(0, 0, 0, 1, 44);
        assertThat(reader.deserialize("t", largeBytes)).isEqualTo(large);
        assertThat(reader.deserialize("t", smallBytes)).isEqualTo(small);
    }

    @Test
    void aRecordThatFailedHalfWrittenLeavesNothingInTheNextOne() {
        Registry registry = new Registry();
        AvroSerializer<GenericRecord> used = new AvroSerializer<>(registry);
        Schema schema = SchemaBuilder.record("Pair").fields().requiredString("first").requiredLong("second").endRecord();
        GenericRecord broken = new GenericData.Record(schema);
        broken.put("first", "written before the failure ".repeat(10));
        broken.put("second", "not a long");
        GenericRecord good = new GenericData.Record(schema);
        good.put("first", "a");
        good.put("second", 2L);

        assertThatThrownBy(() -> used.serialize("t", broken)).isInstanceOf(SerializationException.class);
        byte[] after = used.serialize("t", good);

        assertThat(after).isEqualTo(new AvroSerializer<GenericRecord>(registry).serialize("t", good));
    }

    @Test
    void threadsSharingOneSerializerEachGetTheirOwnRecords() throws Exception {
        Registry registry = new Registry();
        AvroSerializer<GraphNode> shared = new AvroSerializer<>(registry);
        AvroDeserializer<GraphNode> reader = new AvroDeserializer<>(registry, GraphNode.class);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 4).mapToObj(t -> threads.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    GraphNode node = node("t" + t + "-" + i + "-" + "y".repeat(i % 300));
                    if (!reader.deserialize("t", shared.serialize("t", node)).equals(node)) {
                        return false;
                    }
                }
                return true;
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
