package io.headwater.schemaregistry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.schemaregistry.model.SchemaVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The keys and values of the schema log, in the JSON layout Confluent Schema Registry uses for its
 * own {@code _schemas} topic, so operators' tools read it the same way.
 */
final class SchemaLogRecords {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLogRecords() {
    }

    static byte[] schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode().put("keytype", SCHEMA).put("subject", subject).put("version", version).put("magic", 1);
        return bytes(key);
    }

    static byte[] schemaValue(SchemaVersion v) {
        ObjectNode value = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("magic", 1)
                .put("id", v.id()).put("schema", v.schema()).put("deleted", v.deleted());
        return bytes(value);
    }

    static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", CONFIG).put("magic", 0);
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return bytes(key);
    }

    static byte[] configValue(String level) {
        return bytes(JSON.createObjectNode().put("compatibilityLevel", level));
    }

    static JsonNode parse(byte[] data) {
        try {
            return data == null ? null : JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemaVersion schemaVersion(JsonNode value) {
        return new SchemaVersion(value.get("subject").asText(), value.get("version").asInt(), value.get("id").asInt(),
                value.get("schema").asText(), value.path("deleted").asBoolean(false));
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
