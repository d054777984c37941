package io.headwater.schemaregistry.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.util.Map;

/** Clients probe the root to check they reach a registry. */
@Authenticated
@Path("/")
public class RootResource {

    @GET
    @Produces({RegistryMediaTypes.V1, RegistryMediaTypes.JSON})
    public Map<String, Object> root() {
        return Map.of();
    }
}
