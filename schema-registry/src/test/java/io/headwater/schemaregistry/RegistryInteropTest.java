package io.headwater.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroDeserializer;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.testkit.EmbeddedKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Interop with an independent client: npm's {@code @kafkajs/confluent-schema-registry} registers
 * and encodes, Headwater's deserializer decodes; Headwater's serializer encodes, the npm client
 * decodes. {@code ./headwater test} and {@code .ci/run} install the npm client first; outside CI
 * a machine without Node.js skips this test, in CI it fails.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaTestResource.class)
class RegistryInteropTest {

    private static final Path NODE_PROJECT = Path.of("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL registryUrl;

    @BeforeEach
    void requireNodeClient() {
        boolean installed = Files.isDirectory(NODE_PROJECT.resolve("node_modules/@kafkajs/confluent-schema-registry"));
        if (System.getenv("CI") != null) {
            assertThat(installed).as("CI must install the npm client: npm ci --prefix schema-registry/src/test/node").isTrue();
        }
        assumeTrue(installed, "npm client not installed; run ./headwater test, which installs it");
    }

    @Test
    void headwaterDecodesWhatTheNpmClientEncoded() throws Exception {
        JsonNode encoded = JSON.readTree(node("encode", "interop-from-node-value"));
        byte[] payload = Base64.getDecoder().decode(encoded.get("payload").asText());
        assertThat(payload[0]).as("magic byte").isZero();

        SchemaRegistryClient client = new SchemaRegistryClient(registryUrl.toString());
        try (AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>()) {
            deserializer.configure(Map.of("schema.registry.url", registryUrl.toString()), false);
            GenericRecord record = deserializer.deserialize("interop-from-node", payload);
            assertThat(record.get("sensor").toString()).isEqualTo("node-7");
            assertThat(record.get("value")).isEqualTo(21.5);
            assertThat(record.get("count")).isEqualTo(42L);
            assertThat(((List<?>) record.get("tags")).stream().map(Object::toString)).containsExactly("a", "b");
            assertThat(record.get("note").toString()).isEqualTo("from node");
        }
        assertThat(client.latest("interop-from-node-value").id()).isEqualTo(encoded.get("id").asInt());
    }

    @Test
    void theNpmClientDecodesWhatHeadwaterEncoded() throws Exception {
        Schema schema = new Schema.Parser().parse("""
                {"type":"record","name":"Reading","namespace":"interop","fields":[
                  {"name":"sensor","type":"string"},{"name":"value","type":"double"},{"name":"count","type":"long"},
                  {"name":"tags","type":{"type":"array","items":"string"}},{"name":"note","type":["null","string"],"default":null}]}""");
        GenericRecord record = new GenericData.Record(schema);
        record.put("sensor", "jvm-3");
        record.put("value", -0.25);
        record.put("count", 9_000_000_000L);
        record.put("tags", List.of("x"));
        record.put("note", null);
        byte[] payload;
        try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", registryUrl.toString()), false);
            payload = serializer.serialize("interop-from-jvm", record);
        }
        JsonNode decoded = JSON.readTree(node("decode", Base64.getEncoder().encodeToString(payload)));
        assertThat(decoded.get("sensor").asText()).isEqualTo("jvm-3");
        assertThat(decoded.get("value").asDouble()).isEqualTo(-0.25);
        assertThat(decoded.get("count").asLong()).isEqualTo(9_000_000_000L);
        assertThat(decoded.get("tags").get(0).asText()).isEqualTo("x");
        assertThat(decoded.get("note").isNull()).isTrue();
    }

    private String node(String mode, String arg) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("node", "interop.mjs", registryUrl.toString(), mode, arg)
                .directory(NODE_PROJECT.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(finished).as("node finished").isTrue();
        assertThat(process.exitValue()).as("node said: " + output).isZero();
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
