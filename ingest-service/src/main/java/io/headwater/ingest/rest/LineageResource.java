package io.headwater.ingest.rest;

import io.headwater.ingest.service.LineageIngestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenLineage's HTTP transport endpoint, as Marquez serves it: an existing Spark, Airflow or dbt
 * integration points its URL here and changes nothing else.
 */
@Path("/api/v1/lineage")
@Tag(name = "lineage", description = "OpenLineage events in")
public class LineageResource {

    private final LineageIngestService ingest;

    public LineageResource(LineageIngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one OpenLineage RunEvent, DatasetEvent or JobEvent",
            description = "Answers 201 only after Kafka acknowledged the event. The event type is told by schemaURL "
                    + "(#/$defs/RunEvent, DatasetEvent, JobEvent; RunEvent when absent).")
    @RequestBody(description = "One OpenLineage 2-0-2 event")
    @APIResponse(responseCode = "201", description = "Stored in Kafka; header X-Headwater-Event-Id carries the event id")
    @APIResponse(responseCode = "400", description = "Not JSON, not UTF-8, or empty (problem+json)")
    @APIResponse(responseCode = "422", description = "Breaks the OpenLineage spec; errors[] names each field by JSON pointer")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; nothing stored; see Retry-After")
    public Response post(byte[] body, @HeaderParam("Authorization") String authorization) {
        String eventId = ingest.accept(body);
        return Response.status(Response.Status.CREATED).header("X-Headwater-Event-Id", eventId).build();
    }
}
