package io.headwater.security;

import io.headwater.contract.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * 401 and 403 as problem+json that say which: no credentials, credentials refused, or a principal without
 * the role the operation needs (and which roles would do).
 */
public class SecurityProblems {

    /** The request's identity (a request-scoped proxy): mapper methods cannot take it as a parameter. */
    @jakarta.inject.Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized("unauthenticated", "Authentication required",
                "this operation needs a principal: send Authorization: Bearer <API key>", uri, headers);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized("credentials-refused", "Credentials refused", ApiKeyIdentityProvider.NOT_ACCEPTED, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        List<String> roles = rolesAllowed(resource);
        String detail = identity.getPrincipal().getName() + " holds " + identity.getRoles().stream().sorted().toList()
                + (roles.isEmpty() ? "; no role may call this operation" : "; this operation needs one of " + roles);
        Problem problem = Problem.of("forbidden", "Forbidden", 403, detail, uri.getPath(), List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The Basic challenge makes a browser ask for the key; the web UI, which asks with its own sign-in form, says so
     * with X-Requested-With and gets only the Bearer challenge (else the browser's dialog would come up over it).
     */
    private static Response unauthorized(String slug, String title, String detail, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of(slug, title, 401, detail, uri.getPath(), List.of());
        Response.ResponseBuilder response = Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", BearerOrBasicMechanism.BEARER_CHALLENGE);
        if (headers.getHeaderString("X-Requested-With") == null) {
            response.header("WWW-Authenticate", BearerOrBasicMechanism.BASIC_CHALLENGE);
        }
        return response.entity(problem).build();
    }

    static List<String> rolesAllowed(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return List.of();
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed == null) {
                allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return allowed == null ? List.of() : Arrays.asList(allowed.value());
        } catch (NoSuchMethodException e) {
            return List.of();
        }
    }
}
