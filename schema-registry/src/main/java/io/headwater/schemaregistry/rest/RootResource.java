package io.headwater.schemaregistry.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Clients probe the root to check they reach a registry. */
@Authenticated
@Path("/")
@Tag(name = "root", description = "The registry's root, which Confluent's clients probe: an empty object")
public class RootResource {

    @GET
    @Operation(summary = "An empty object: the registry answers")
    @Produces({RegistryMediaTypes.V1, RegistryMediaTypes.JSON})
    public Map<String, Object> root() {
        return Map.of();
    }
}
