package io.headwater.ingest.rest;

import io.headwater.contract.access.Roles;
import io.headwater.ingest.service.BatchIngestService;
import io.headwater.ingest.service.BatchResult;
import io.headwater.ingest.service.LineageIngestService;
import io.headwater.ingest.service.Sender;
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
import io.headwater.ingest.trace.TraceParent;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * OpenLineage's HTTP transport endpoint, as Marquez serves it: an existing Spark, Airflow or dbt
 * integration points its URL here and changes nothing else.
 */
@RolesAllowed(Roles.PRODUCER)
@Path("/api/v1/lineage")
@Tag(name = "lineage", description = "OpenLineage events in")
public class LineageResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String EXAMPLE = """
            {"eventType":"START","eventTime":"2026-11-26T03:14:12.618Z","producer":"https://github.com/OpenLineage/OpenLineage/tree/1.53.0/integration/spark",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"01a215d8-b242-752e-8681-58dc1af79577"},"job":{"namespace":"spike","name":"spike_job1"},
             "inputs":[{"namespace":"file","name":"/srv/spark-demo/data/in/orders.csv"}],
             "outputs":[{"namespace":"file","name":"/srv/spark-demo/data/out/revenue_by_country"}]}""";

    private final LineageIngestService ingest;
    private final BatchIngestService batch;
    private final IngestLimits limits;
    private final SecurityIdentity identity;

    public LineageResource(LineageIngestService ingest, BatchIngestService batch, IngestLimits limits, SecurityIdentity identity) {
        this.ingest = ingest;
        this.batch = batch;
        this.limits = limits;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one OpenLineage RunEvent, DatasetEvent or JobEvent",
            description = "Answers 201 only after Kafka acknowledged the event. The event type is told by schemaURL "
                    + "(#/$defs/RunEvent, DatasetEvent, JobEvent; RunEvent when absent). Bodies may be gzip-compressed "
                    + "(Content-Encoding: gzip). An Authorization: Bearer header is accepted.")
    @RequestBody(description = "One OpenLineage 2-0-2 event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Spark START", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored in Kafka; header X-Headwater-Event-Id carries the event id")
    @APIResponse(responseCode = "400", description = "Not JSON, not UTF-8, or empty (problem+json)")
    @APIResponse(responseCode = "413", description = "Larger than headwater.ingest.max-event-bytes")
    @APIResponse(responseCode = "403", description = "The key lacks the producer role, or may not write the job's or an output's namespace")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "422", description = "Breaks the OpenLineage spec; errors[] names each field by JSON pointer")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; nothing stored; see Retry-After")
    public Response post(InputStream in, @HeaderParam("Content-Length") Long length,
                         @Parameter(description = ServingResource.TRACE_DOC)
                         @HeaderParam(TraceParent.HEADER) String traceparent,
                         @HeaderParam("Authorization") String authorization) {
        String eventId;
        try (RequestBodies.Body body = limits.event(in, length)) {
            eventId = ingest.accept(body.bytes(), Sender.of(identity).traced(traceparent));
        }
        return Response.status(Response.Status.CREATED).header("X-Headwater-Event-Id", eventId).build();
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store many OpenLineage events: a JSON array, or NDJSON (one event per line)",
            description = "Each event stands alone. The answer lists every event's outcome by index: accepted (in Kafka), "
                    + "rejected (invalid, with the fields named; never stored) or unavailable (Kafka did not acknowledge; retry). "
                    + "201 when all were accepted, 207 when some were not. Resending a whole batch is safe: event ids are "
                    + "deterministic and repeats are dropped downstream.")
    @APIResponse(responseCode = "201", description = "Every event accepted")
    @APIResponse(responseCode = "207", description = "Some events rejected or unavailable; see results[]")
    public Response batch(InputStream in, @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Length") Long length,
                          @Parameter(description = ServingResource.TRACE_DOC)
                          @HeaderParam(TraceParent.HEADER) String traceparent,
                          @HeaderParam("Authorization") String authorization) {
        boolean ndjson = contentType != null && contentType.startsWith(NDJSON);
        BatchResult result;
        try (RequestBodies.Body body = limits.batch(in, length)) {
            result = batch.acceptLineage(body.bytes(), ndjson, limits.maxBatchEvents(), Sender.of(identity).traced(traceparent));
        }
        int status = result.accepted() == result.results().size() ? 201 : 207;
        return Response.status(status).entity(result).build();
    }
}
