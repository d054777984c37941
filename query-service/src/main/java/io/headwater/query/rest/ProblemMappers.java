package io.headwater.query.rest;

import io.headwater.contract.Problem;
import io.headwater.query.access.OutOfScopeException;
import io.headwater.query.admission.TraversalGate;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.errors.UnavailableException;
import io.headwater.query.streams.GraphStore;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error leaves as RFC 9457 problem+json. */
public class ProblemMappers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response outOfScope(OutOfScopeException e, UriInfo uri) {
        return respond(Problem.of("namespace-not-allowed", "The key may not read this namespace", 403, e.getMessage(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response held(io.headwater.query.errors.HeldException e, UriInfo uri) {
        return respond(Problem.of("legal-hold", "A legal hold keeps what this would delete", 409, e.getMessage(), uri.getPath(),
                e.holds().stream().map(hold -> new Problem.FieldError("hold", hold)).toList()));
    }

    @ServerExceptionMapper
    public Response badParameter(InvalidParameterException e, UriInfo uri) {
        return respond(Problem.of("invalid-parameter", "Invalid query parameter", 400, e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(e.problemType(), e.title(), 503, e.getMessage(), uri.getPath(), null)))
                .header("Retry-After", 2).build();
    }

    @ServerExceptionMapper
    public Response overloaded(TraversalGate.OverloadedException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("overloaded", "Too many questions at once", 503,
                e.getMessage() + "; retry shortly", uri.getPath(), null))).header("Retry-After", 1).build();
    }

    /** Whatever else: still a problem body, never a stack trace or a plain-text page. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return web(web, uri);
        }
        LOG.error("answering 500", e);
        return respond(Problem.of("internal", "Internal error", 500, "the question failed because of an internal error; it is logged",
                uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return respond(Problem.of("http-" + status, known == null ? "Error" : known.getReasonPhrase(), status, e.getMessage(), uri.getPath(), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
