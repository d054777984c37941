package io.headwater.ingest.rest;

import io.headwater.contract.Problem;
import io.headwater.ingest.kafka.KafkaUnavailableException;
import io.headwater.ingest.kafka.UnstorableEventException;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.MalformedBodyException;
import io.headwater.ingest.validation.PayloadTooLargeException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error leaves as RFC 9457 problem+json naming what was wrong. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ConfigProperty(name = "headwater.ingest.retry-after-seconds")
    int retryAfterSeconds;

    @ServerExceptionMapper
    public Response malformed(MalformedBodyException e, UriInfo uri) {
        return respond(Problem.of("malformed-body", "Malformed request body", 400, e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldError(e.pointer(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidEventException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList();
        String detail = e.violations().size() == 1 ? e.getMessage()
                : e.violations().size() + " problems, first " + e.getMessage();
        return respond(Problem.of(e.payload().problemType(), e.payload().title(), 422, detail, uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response conflict(io.headwater.ingest.decisions.DecisionConflictException e, UriInfo uri) {
        return respond(Problem.of("decision-conflict", "The decision is already recorded with other content", 409, e.getMessage(), uri.getPath(),
                e.differences().stream().map(d -> new Problem.FieldError("/" + d.substring(0, d.indexOf(':')), d)).toList()));
    }

    @ServerExceptionMapper
    public Response notAllowed(io.headwater.ingest.validation.NamespaceNotAllowedException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.detail())).toList();
        return respond(Problem.of("namespace-not-allowed", "The key may not write this namespace", 403, e.getMessage(), uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response unavailable(KafkaUnavailableException e, UriInfo uri) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Response.fromResponse(respond(Problem.of("unavailable", "Events cannot be stored right now", 503,
                        e.getMessage() + "; nothing was stored, retry later", uri.getPath(), null)))
                .header("Retry-After", retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return respond(Problem.of("too-large", "Request body too large", 413, e.getMessage(), uri.getPath(),
                e.pointer().isEmpty() ? null : List.of(new Problem.FieldError(e.pointer(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response unstorable(UnstorableEventException e, UriInfo uri) {
        LOG.warnf("refusing an event that cannot be stored: %s", e.getMessage());
        return e.tooLarge()
                ? respond(Problem.of("too-large", "Event too large for a Kafka record", 413, e.getMessage(), uri.getPath(), null))
                : respond(Problem.of("unstorable-event", "The event cannot be stored", 422, e.getMessage() + "; nothing was stored", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unreadable(java.io.UncheckedIOException e, UriInfo uri) {
        return respond(Problem.of("unreadable-body", "The request body could not be read", 400, e.getMessage(), uri.getPath(), null));
    }

    /** Whatever else: still a problem body, never a stack trace or a plain-text page. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return web(web, uri);
        }
        LOG.error("answering 500", e);
        return respond(Problem.of("internal", "Internal error", 500, "the request failed because of an internal error; it is logged; "
                + "nothing was stored", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response bug(IllegalStateException e, UriInfo uri) {
        LOG.error("answering 500", e);
        return respond(Problem.of("internal", "Internal error", 500, "the event could not be stored because of an internal error; "
                + "it is logged; nothing was stored", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e, UriInfo uri) {
        return respond(Problem.of("unsupported-media-type", "Unsupported content type", 415,
                "send events as application/json (batches also as application/x-ndjson)", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return respond(Problem.of("http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), status, e.getMessage(), uri.getPath(), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
