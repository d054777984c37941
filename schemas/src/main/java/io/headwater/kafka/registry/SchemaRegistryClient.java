package io.headwater.kafka.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client for the Confluent Schema Registry REST API (Confluent, Karapace, Redpanda, Apicurio's
 * compatible endpoint, or Headwater's own). Ids are immutable in that API, so every answer that
 * maps a schema to an id, or an id to a schema, is cached for the life of the client.
 */
public class SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUris;
    private final HttpClient http;
    private final Duration timeout;
    private final RegistryAccess access;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** @param urls one or more registry base URLs, comma-separated; the next is tried when one is unreachable. */
    public SchemaRegistryClient(String urls) {
        this(urls, Duration.ofSeconds(10));
    }

    public SchemaRegistryClient(String urls, Duration timeout) {
        this(urls, timeout, RegistryAccess.NONE);
    }

    /** @param access the credentials and trust store a secured registry needs */
    public SchemaRegistryClient(String urls, Duration timeout, RegistryAccess access) {
        this.access = access;
        this.baseUris = java.util.Arrays.stream(urls.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
                .toList();
        if (baseUris.isEmpty()) {
            throw new IllegalArgumentException("schema registry url is empty");
        }
        this.timeout = timeout;
        this.http = access.configure(HttpClient.newBuilder().connectTimeout(timeout)).build();
    }

    /** The client a service configures: {@code headwater.schema-registry.url} and its access settings ({@link RegistryAccess}). */
    public static SchemaRegistryClient from(org.eclipse.microprofile.config.Config config, Duration timeout) {
        return new SchemaRegistryClient(config.getValue(RegistryAccess.PREFIX + "url", String.class), timeout, RegistryAccess.from(config));
    }

    /** Registers the schema under the subject (or finds it registered) and returns its global id. */
    public int register(String subject, Schema schema) {
        String key = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", body);
        int id = answer.get("id").asInt();
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** Finds the id of a schema already registered under the subject, without registering it. */
    public int lookup(String subject, Schema schema) {
        String key = subject + '\u0000' + schema.toString();
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        JsonNode answer = send("POST", "subjects/" + encode(subject), body);
        int id = answer.get("id").asInt();
        idsBySubjectAndSchema.put(key, id);
        return id;
    }

    /** The schema with this global id. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode answer = send("GET", "schemas/ids/" + i, null);
            return new Schema.Parser().parse(answer.get("schema").asText());
        });
    }

    /** The latest version registered under the subject: its id, version and schema. */
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(answer.get("subject").asText(), answer.get("version").asInt(),
                answer.get("id").asInt(), new Schema.Parser().parse(answer.get("schema").asText()));
    }

    /** Whether the schema could be registered under the subject without breaking its compatibility mode. */
    public boolean isCompatible(String subject, Schema schema) {
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        JsonNode answer = send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", body);
        return answer.path("is_compatible").asBoolean(false);
    }

    /** Answers when some registry instance answers (its global compatibility setting: a cheap read); throws when none does. */
    public void ping() {
        send("GET", "config", null);
    }

    /** The subjects the registry knows. */
    public List<String> subjects() {
        JsonNode answer = send("GET", "subjects", null);
        return java.util.stream.StreamSupport.stream(answer.spliterator(), false).map(JsonNode::asText).toList();
    }

    private JsonNode send(String method, String path, JsonNode body) {
        SchemaRegistryException lastUnreachable = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(timeout)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (access.authorization() != null) {
                request.header("Authorization", access.authorization());
            }
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastUnreachable = new SchemaRegistryException("schema registry at " + base + " is unreachable: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
            return parse(response);
        }
        throw lastUnreachable;
    }

    private static JsonNode parse(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body() == null || response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(response.statusCode(), -1, "schema registry answered with non-JSON: " + response.body());
        }
        if (response.statusCode() >= 300) {
            throw new SchemaRegistryException(response.statusCode(), json.path("error_code").asInt(response.statusCode()),
                    json.path("message").asText("schema registry error"));
        }
        return json;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A schema as registered under a subject. */
    public record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }
}
