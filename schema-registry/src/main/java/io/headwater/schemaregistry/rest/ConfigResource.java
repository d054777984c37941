package io.headwater.schemaregistry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.headwater.contract.access.Roles;
import io.headwater.schemaregistry.model.RegistryError;
import io.headwater.schemaregistry.service.SchemaRegistryService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Authenticated
@Path("/config")
@Produces({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON})
@Consumes({RegistryMediaTypes.V1, RegistryMediaTypes.ANY, RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET})
@Tag(name = "config", description = "Compatibility levels, global and per subject")
public class ConfigResource {

    private final SchemaRegistryService registry;

    public ConfigResource(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "The global compatibility level")
    public Map<String, String> global() {
        return Map.of("compatibilityLevel", registry.globalCompatibility().name());
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @PUT
    @Operation(summary = "Set the global compatibility level")
    public Map<String, String> setGlobal(ConfigRequest request) {
        return Map.of("compatibility", registry.setCompatibility(null, level(request)).name());
    }

    @GET
    @Path("/{subject}")
    @Operation(summary = "A subject's compatibility level (defaultToGlobal=true falls back to the global one)")
    public Map<String, String> subject(@PathParam("subject") String subject,
                                       @QueryParam("defaultToGlobal") @DefaultValue("false") boolean defaultToGlobal) {
        var level = defaultToGlobal ? registry.effectiveCompatibility(subject)
                : registry.subjectCompatibility(subject).orElseThrow(() -> RegistryError.subjectConfigNotFound(subject));
        return Map.of("compatibilityLevel", level.name());
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @PUT
    @Path("/{subject}")
    @Operation(summary = "Set a subject's compatibility level")
    public Map<String, String> setSubject(@PathParam("subject") String subject, ConfigRequest request) {
        return Map.of("compatibility", registry.setCompatibility(subject, level(request)).name());
    }

    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @DELETE
    @Path("/{subject}")
    @Operation(summary = "Remove a subject's own level, so the global one applies")
    public Map<String, String> deleteSubject(@PathParam("subject") String subject) {
        return Map.of("compatibilityLevel", registry.clearCompatibility(subject).name());
    }

    private static String level(ConfigRequest request) {
        if (request == null || request.compatibility() == null) {
            throw RegistryError.invalidCompatibilityLevel(null);
        }
        return request.compatibility();
    }

    /** {"compatibility": "BACKWARD"} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigRequest(String compatibility) {
    }
}
