package io.headwater.schemaregistry.rest;

import io.headwater.contract.access.Roles;
import io.headwater.schemaregistry.model.SchemaVersion;
import io.headwater.schemaregistry.service.SchemaRegistryService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Authenticated
@Path("/subjects")
@Produces({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON})
@Consumes({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET})
@Tag(name = "subjects", description = "Subjects and their versions: register, look up, list, delete")
public class SubjectsResource {

    private final SchemaRegistryService registry;

    public SubjectsResource(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "The subjects with at least one live version")
    public List<String> subjects(@QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return registry.subjects(deleted);
    }

    @GET
    @Path("/{subject}/versions")
    @Operation(summary = "The version numbers of a subject")
    public List<Integer> versions(@PathParam("subject") String subject, @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return registry.versions(subject, deleted);
    }

    @GET
    @Path("/{subject}/versions/{version}")
    @Operation(summary = "One version of a subject, by number or 'latest'")
    public Map<String, Object> version(@PathParam("subject") String subject, @PathParam("version") String version,
                                       @QueryParam("deleted") @DefaultValue("false") boolean deleted) {
        return describe(registry.version(subject, version, deleted));
    }

    @GET
    @Path("/{subject}/versions/{version}/schema")
    @Operation(summary = "Only the schema text of one version")
    public String schema(@PathParam("subject") String subject, @PathParam("version") String version) {
        return registry.version(subject, version, false).schema();
    }

    @GET
    @Path("/{subject}/versions/{version}/referencedby")
    @Operation(summary = "Schemas referencing this one: always none, as references are not supported")
    public List<Integer> referencedBy(@PathParam("subject") String subject, @PathParam("version") String version) {
        registry.version(subject, version, false);
        return List.of();
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @POST
    @Path("/{subject}/versions")
    @Operation(summary = "Register a schema under a subject (idempotent); 409 when incompatible")
    public Map<String, Object> register(@PathParam("subject") String subject, SchemaRequest request) {
        return Map.of("id", registry.register(subject, request == null ? null : request.schema(), request == null ? null : request.schemaType()));
    }

    @POST
    @Path("/{subject}")
    @Operation(summary = "Find which version of a subject holds a schema")
    public Map<String, Object> lookup(@PathParam("subject") String subject, @QueryParam("deleted") @DefaultValue("false") boolean deleted,
                                      SchemaRequest request) {
        return describe(registry.lookup(subject, request == null ? null : request.schema(), request == null ? null : request.schemaType(), deleted));
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @DELETE
    @Path("/{subject}")
    @Operation(summary = "Soft-delete a subject, or with permanent=true remove a soft-deleted one")
    public List<Integer> deleteSubject(@PathParam("subject") String subject, @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @DELETE
    @Path("/{subject}/versions/{version}")
    @Operation(summary = "Soft-delete one version, or with permanent=true remove a soft-deleted one")
    public int deleteVersion(@PathParam("subject") String subject, @PathParam("version") String version,
                             @QueryParam("permanent") @DefaultValue("false") boolean permanent) {
        return registry.deleteVersion(subject, version, permanent);
    }

    static Map<String, Object> describe(SchemaVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema());
        return body;
    }
}
