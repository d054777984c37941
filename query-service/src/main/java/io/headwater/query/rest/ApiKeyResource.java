package io.headwater.query.rest;

import io.headwater.contract.access.ApiKeyToken;
import io.headwater.contract.access.Roles;
import io.headwater.query.api.ApiKeyView;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.errors.NotFoundException;
import io.headwater.security.ApiKeyAdministration;
import io.headwater.security.ApiKeyDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "API keys: made, listed and revoked by an admin; every instance of every service knows them within a second")
public class ApiKeyResource {

    private final ApiKeyAdministration keys;
    private final SecurityIdentity identity;
    private final ApiKeyDirectory directory;

    public ApiKeyResource(ApiKeyAdministration keys, SecurityIdentity identity, ApiKeyDirectory directory) {
        this.keys = keys;
        this.identity = identity;
        this.directory = directory;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a key; the answer holds its token, shown this once (only a hash of it is kept)")
    public Response create(ApiKeyView.Request request) {
        if (request == null || request.roles() == null || request.roles().isEmpty()) {
            throw new InvalidParameterException("roles", "at least one of " + Roles.ASSIGNABLE);
        }
        ApiKeyToken.Issued issued;
        try {
            issued = keys.create(request.roles(), request.namespaces(), request.description(), request.expiresAt(), identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage().startsWith("expiresAt") ? "expiresAt" : "roles", e.getMessage());
        }
        return Response.status(201).entity(ApiKeyView.of(issued.key(), null).withToken(issued.token().value())).build();
    }

    @GET
    @Operation(summary = "Every key, revoked ones too, without secrets, each with when it was last used")
    public List<ApiKeyView> list() {
        return keys.list().stream().map(this::view).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key: refused by every instance from the next request on; its record stays for the audit")
    public ApiKeyView revoke(@PathParam("id") String id) {
        return keys.revoke(id).map(this::view).orElseThrow(() -> NotFoundException.of("key", id));
    }

    private ApiKeyView view(io.headwater.contract.access.ApiKey key) {
        return ApiKeyView.of(key, directory.lastUsed(key.id()).orElse(null));
    }
}
