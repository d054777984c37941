package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.query.alerts.AlertFeed;
import io.headwater.query.alerts.AlertService;
import io.headwater.query.alerts.AlertViews;
import io.headwater.query.alerts.WebhookService;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.WebhookSubscription;
import io.headwater.query.errors.InvalidParameterException;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@RolesAllowed(Roles.READER)
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Drift and quality alerts: list, live stream, webhooks")
public class AlertResource {

    private static final Set<String> STATES = Set.of("OPEN", "RESOLVED");

    private final AlertService alerts;
    private final AlertFeed feed;
    private final AlertViews views;
    private final WebhookService webhooks;

    public AlertResource(AlertService alerts, AlertFeed feed, AlertViews views, WebhookService webhooks) {
        this.alerts = alerts;
        this.feed = feed;
        this.views = views;
        this.webhooks = webhooks;
    }

    @GET
    @Operation(summary = "Alerts, newest first, each with the link to its model version's provenance")
    public List<AlertView> list(@QueryParam("model") String model, @QueryParam("version") String version,
                                @Parameter(description = "OPEN or RESOLVED") @QueryParam("state") String state,
                                @Parameter(description = "ISO-8601 instant: alerts updated since") @QueryParam("since") String since,
                                @QueryParam("limit") @DefaultValue("100") String limit) {
        if (state != null && !STATES.contains(state.toUpperCase(Locale.ROOT))) {
            throw new InvalidParameterException("state", "must be OPEN or RESOLVED");
        }
        return alerts.alerts(new AlertService.Filter(model, version, state, QueryParameters.instant("since", since)), QueryParameters.limit(QueryParameters.integer("limit", limit)));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts as they open, escalate and resolve (server-sent events), optionally of one model")
    public Multi<AlertView> stream(@QueryParam("model") String model) {
        // Each client gets its own buffer, so a slow reader neither loses alerts nor holds up the others.
        return feed.alerts().onOverflow().buffer(10_000).filter(a -> model == null || model.equals(a.getModelName())).map(views::of);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to alerts (of a model, a version, at or above a severity); the answer holds the HMAC secret, shown once")
    public Response subscribe(WebhookSubscription request) {
        WebhookSubscription created = webhooks.create(request);
        return Response.status(201).entity(created).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Path("/webhooks")
    @Operation(summary = "The webhook subscriptions (without their secrets)")
    public List<WebhookSubscription> subscriptions() {
        return webhooks.list();
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/webhooks/{id}")
    @Operation(summary = "Remove a webhook subscription")
    public Response unsubscribe(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }
}
