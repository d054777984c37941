package io.headwater.streams.topology;

import io.headwater.kafka.registry.SchemaRegistryClient;
import org.apache.avro.Schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry client for TopologyTestDriver tests only: ids kept in memory. The real one is tested against the real registry. */
class InMemoryRegistryClient extends SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    InMemoryRegistryClient() {
        super("http://registry.invalid");
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            int id = ids.size() + 1;
            schemas.put(id, s);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        return schemas.get(id);
    }
}
