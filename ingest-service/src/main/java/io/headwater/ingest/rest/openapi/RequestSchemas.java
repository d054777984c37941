package io.headwater.ingest.rest.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.security.openapi.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts in ingest's spec the JSON Schemas its request bodies are validated with, so what the spec promises is what
 * ingest enforces: Headwater's own API schemas (headwater/api/*.json, from the contract) become components, their
 * {@code $defs} hoisted beside them; OpenLineage events are described by the spec's own schema, named by URL (its
 * facets are open-ended, and ingest keeps unknown ones verbatim). Then the errors every service shares ({@link ProblemResponses}).
 */
public final class RequestSchemas implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENLINEAGE = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    /** Path of each operation that takes one object or an array of them, and the schema of one. */
    private static final Map<String, String> SERVING = Map.of(
            "/api/v1/decisions", "Decision", "/api/v1/deployments", "Deployment", "/api/v1/monitoring", "MonitoringStats");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        SERVING.values().forEach(name -> addSchema(openAPI, name));
        openAPI.getComponents().addSchema("OpenLineageEvent", openLineageEvent());
        SERVING.forEach((path, name) -> body(openAPI, path, oneOrMany(ref(name))));
        body(openAPI, "/api/v1/lineage", ref("OpenLineageEvent"));
        body(openAPI, "/api/v1/lineage/batch", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(ref("OpenLineageEvent"))
                .description("A JSON array of events; as NDJSON (application/x-ndjson), one event per line"));
        // One filter per service (mp.openapi.filter names one class): the errors every service shares.
        new ProblemResponses().filterOpenAPI(openAPI);
    }

    private static void body(OpenAPI openAPI, String path, Schema schema) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
        Operation post = item == null ? null : item.getPOST();
        if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : post.getRequestBody().getContent().getMediaTypes().values()) {
            media.setSchema(schema);
        }
    }

    /** One of Headwater's API schemas as a component, each of its $defs a component of its own (Name + Def). */
    @SuppressWarnings("unchecked")
    private static void addSchema(OpenAPI openAPI, String name) {
        Map<String, Object> schema = read("headwater/api/" + name + ".json");
        schema.remove("$schema");
        schema.remove("$id");
        Map<String, Object> defs = (Map<String, Object>) schema.remove("$defs");
        if (defs != null) {
            defs.forEach((def, value) -> openAPI.getComponents().addSchema(name + def, toSchema((Map<String, Object>) rewriteRefs(value, name))));
        }
        openAPI.getComponents().addSchema(name, toSchema((Map<String, Object>) rewriteRefs(schema, name)));
    }

    @SuppressWarnings("unchecked")
    private static Object rewriteRefs(Object node, String name) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> copy.put(key, key.equals("$ref") && value instanceof String ref && ref.startsWith("#/$defs/")
                    ? "#/components/schemas/" + name + ref.substring("#/$defs/".length()) : rewriteRefs(value, name)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(rewriteRefs(value, name)));
            return copy;
        }
        return node;
    }

    /** A schema model holding the JSON Schema's keywords as they are (OpenAPI 3.1's schemas are JSON Schema 2020-12). */
    private static Schema toSchema(Map<String, Object> json) {
        Schema schema = OASFactory.createSchema();
        json.forEach(schema::set);
        return schema;
    }

    private static Schema openLineageEvent() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An OpenLineage 2-0-2 RunEvent, DatasetEvent or JobEvent, validated against " + OPENLINEAGE
                        + " and the schemas its facets name; unknown facets are kept verbatim")
                .externalDocs(OASFactory.createExternalDocumentation().url(OPENLINEAGE).description("The OpenLineage spec's JSON Schema"))
                .addProperty("eventTime", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time")
                        .description("When the event happened"))
                .addProperty("producer", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("The integration that sent it"))
                .addProperty("schemaURL", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("The spec schema it follows, e.g. " + OPENLINEAGE + "#/$defs/RunEvent"))
                .required(List.of("eventTime", "producer", "schemaURL"))
                // eventType, run, job, inputs, outputs and facets as the spec schema has them.
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema oneOrMany(Schema one) {
        return OASFactory.createSchema().description("One object, or an array of them")
                .oneOf(List.of(one, OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(one)));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = RequestSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JSON.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
