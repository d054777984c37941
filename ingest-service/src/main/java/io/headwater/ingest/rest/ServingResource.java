package io.headwater.ingest.rest;

import io.headwater.contract.access.Roles;
import io.headwater.ingest.service.Sender;
import io.headwater.ingest.service.ServingIngestService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import io.headwater.ingest.trace.TraceParent;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What serving systems send: every decision a model made, and per-window monitoring statistics. */
@RolesAllowed(Roles.PRODUCER)
@Path("/api/v1")
@Tag(name = "serving", description = "Decisions, monitoring statistics and deployments in")
public class ServingResource {

    static final String TRACE_DOC = "W3C trace context, continued (or a new trace); the answer's traceparent is ingest's span, "
            + "and the events carry it on Kafka to the graph facts they produce";

    private static final String DECISION = """
            {"decisionId":"d-000001","modelName":"churn","modelVersion":"3","decisionTime":"2026-11-26T10:15:00Z",
             "inputsHash":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "output":{"churn":true,"score":0.87},"subjectId":"customer-42","metadata":{"requestId":"r-77"}}""";
    private static final String MONITORING = """
            {"modelName":"churn","modelVersion":"3","windowStart":"2026-11-26T10:00:00Z","windowEnd":"2026-11-26T11:00:00Z",
             "sampleCount":1000,"features":[{"feature":"age","kind":"NUMERIC","binEdges":[18,30,45,60,90],"counts":[210,340,280,170]},
             {"feature":"plan","kind":"CATEGORICAL","categories":{"basic":600,"pro":400}}],
             "prediction":{"feature":"__prediction__","kind":"CATEGORICAL","categories":{"true":130,"false":870}},
             "qualityMetrics":{"accuracy":0.91}}""";

    private static final String DEPLOYMENT = """
            {"modelName":"churn","modelVersion":"8","endpoint":"churn-prod-eu","deployedAt":"2026-11-26T08:00:00Z"}""";

    private final ServingIngestService serving;
    private final IngestLimits limits;

    private final SecurityIdentity identity;

    public ServingResource(ServingIngestService serving, IngestLimits limits, SecurityIdentity identity) {
        this.identity = identity;
        this.serving = serving;
        this.limits = limits;
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store decisions: one object or an array",
            description = "All or nothing: if any item is invalid, none is stored and the 422 names every bad field "
                    + "(/3/decisionTime). 201 once Kafka acknowledged every item; resending after a 503 is safe (keyed by decisionId).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decision", value = DECISION)))
    @APIResponse(responseCode = "201", description = "Every decision stored")
    public Response decisions(InputStream in, @HeaderParam("Content-Length") Long length,
                              @Parameter(description = TRACE_DOC) @HeaderParam(TraceParent.HEADER) String traceparent) {
        return stored(in, length, ServingIngestService.DECISION, traceparent);
    }

    @POST
    @Path("/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record which model version serves at an endpoint from when (and until when): one object or an array",
            description = "Send a deployment when a version goes live, and the same model, endpoint and deployedAt with retiredAt when it "
                    + "stops; query-service answers which version served at any time (GET /api/v1/models/{name}/serving?at=).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "deployment", value = DEPLOYMENT)))
    @APIResponse(responseCode = "201", description = "Every deployment stored")
    public Response deployments(InputStream in, @HeaderParam("Content-Length") Long length,
                              @Parameter(description = TRACE_DOC) @HeaderParam(TraceParent.HEADER) String traceparent) {
        return stored(in, length, ServingIngestService.DEPLOYMENT, traceparent);
    }

    @POST
    @Path("/monitoring")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store monitoring statistics per model version and window: one object or an array",
            description = "Numeric features as histograms (binEdges has one more entry than counts), categorical ones as "
                    + "category counts; the prediction distribution; quality metrics when labels are known.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "window", value = MONITORING)))
    @APIResponse(responseCode = "201", description = "Every window stored")
    public Response monitoring(InputStream in, @HeaderParam("Content-Length") Long length,
                              @Parameter(description = TRACE_DOC) @HeaderParam(TraceParent.HEADER) String traceparent) {
        return stored(in, length, ServingIngestService.MONITORING, traceparent);
    }

    /** 201 once Kafka acknowledged every item of the body; what the items' ids are. */
    private Response stored(InputStream in, Long length, String kind, String traceparent) {
        List<String> ids;
        try (RequestBodies.Body body = limits.batch(in, length)) {
            ids = serving.accept(body.bytes(), kind, limits.maxBatchEvents(), Sender.of(identity).traced(traceparent));
        }
        return Response.status(Response.Status.CREATED).entity(Map.of("accepted", ids.size(), "ids", ids)).build();
    }
}
