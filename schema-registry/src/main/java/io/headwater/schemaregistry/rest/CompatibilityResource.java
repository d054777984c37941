package io.headwater.schemaregistry.rest;

import io.headwater.schemaregistry.service.SchemaRegistryService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
@Path("/compatibility/subjects/{subject}")
@Produces({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON})
@Consumes({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET})
@Tag(name = "compatibility", description = "Whether a schema may be registered as the next version of a subject")
public class CompatibilityResource {

    private final SchemaRegistryService registry;

    public CompatibilityResource(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @POST
    @Path("/versions/{version}")
    @Operation(summary = "Test a schema against one version (or 'latest') under the subject's compatibility level")
    public Map<String, Object> againstVersion(@PathParam("subject") String subject, @PathParam("version") String version,
                                              @QueryParam("verbose") @DefaultValue("false") boolean verbose, SchemaRequest request) {
        return answer(registry.testCompatibility(subject, version, schema(request), type(request)), verbose);
    }

    @POST
    @Path("/versions")
    @Operation(summary = "Test a schema against the versions registration would check")
    public Map<String, Object> againstAll(@PathParam("subject") String subject,
                                          @QueryParam("verbose") @DefaultValue("false") boolean verbose, SchemaRequest request) {
        return answer(registry.testCompatibility(subject, null, schema(request), type(request)), verbose);
    }

    private static Map<String, Object> answer(List<String> problems, boolean verbose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if (verbose) {
            body.put("messages", problems);
        }
        return body;
    }

    private static String schema(SchemaRequest request) {
        return request == null ? null : request.schema();
    }

    private static String type(SchemaRequest request) {
        return request == null ? null : request.schemaType();
    }
}
