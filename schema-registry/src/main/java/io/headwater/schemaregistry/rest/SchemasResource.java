package io.headwater.schemaregistry.rest;

import io.headwater.schemaregistry.service.SchemaRegistryService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Authenticated
@Path("/schemas")
@Produces({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON})
@Tag(name = "schemas", description = "Schemas by global id, as Confluent's serializers look them up")
public class SchemasResource {

    private final SchemaRegistryService registry;

    public SchemasResource(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Path("/ids/{id}")
    @Operation(summary = "The schema with a global id, as the deserializers fetch it")
    public Map<String, Object> byId(@PathParam("id") int id) {
        return Map.of("schema", registry.schemaById(id));
    }

    @GET
    @Path("/ids/{id}/schema")
    @Operation(summary = "Only the schema text with a global id")
    public String rawById(@PathParam("id") int id) {
        return registry.schemaById(id);
    }

    @GET
    @Path("/ids/{id}/versions")
    @Operation(summary = "Every subject and version using a global id")
    public List<Map<String, Object>> versionsOf(@PathParam("id") int id) {
        return registry.usesOf(id).stream().map(v -> Map.<String, Object>of("subject", v.subject(), "version", v.version())).toList();
    }

    @GET
    @Path("/ids/{id}/subjects")
    @Operation(summary = "Every subject using a global id")
    public List<String> subjectsOf(@PathParam("id") int id) {
        return registry.usesOf(id).stream().map(v -> v.subject()).distinct().sorted().toList();
    }

    @GET
    @Path("/types")
    @Operation(summary = "The schema types this registry holds")
    public List<String> types() {
        return List.of("AVRO");
    }
}
