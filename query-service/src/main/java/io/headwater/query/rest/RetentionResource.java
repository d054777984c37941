package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.contract.retention.ErasureReceipt;
import io.headwater.contract.retention.LegalHold;
import io.headwater.query.api.ErasureAnswer;
import io.headwater.query.api.ErasureRequest;
import io.headwater.query.api.ErasureStatus;
import io.headwater.query.api.RetentionStatus;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.retention.Erasures;
import io.headwater.query.retention.LegalHolds;
import io.headwater.query.retention.RetentionReport;
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

/** Retention, legal holds and erasure: an admin acts, an auditor reads; every call is in the audit. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "retention", description = "What is kept and until when, legal holds, and erasure with its receipts")
public class RetentionResource {

    private final LegalHolds holds;
    private final Erasures erasures;
    private final RetentionReport retention;
    private final SecurityIdentity identity;
    private final QueryParameters parameters;

    public RetentionResource(LegalHolds holds, Erasures erasures, RetentionReport retention, SecurityIdentity identity, QueryParameters parameters) {
        this.holds = holds;
        this.erasures = erasures;
        this.retention = retention;
        this.identity = identity;
        this.parameters = parameters;
    }

    @GET
    @Path("/retention")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Retention status (Q9): per class, its period, the topics it governs as Kafka keeps them, what is due for deletion, what is on hold")
    public RetentionStatus retention() {
        return retention.status();
    }

    @GET
    @Path("/holds")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every legal hold, released ones too, newest first")
    public List<LegalHold> holds() {
        return holds.all();
    }

    @GET
    @Path("/holds/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One legal hold")
    public LegalHold hold(@PathParam("id") String id) {
        return holds.find(id).orElseThrow(() -> NotFoundException.of("legal hold", id));
    }

    @POST
    @Path("/holds")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a decision, model version or dataset version on legal hold: nothing it depends on is erased or expires while held",
            description = "Body: {\"target\": \"" + NodeId.DECISION_FORM + "\" | \"" + NodeId.MODEL_VERSION_FORM + "\" | \"" + NodeId.DATASET_VERSION_FORM
                    + "\", \"reason\": \"matter 2026-17\"}")
    public Response place(HoldRequest request) {
        LegalHold hold = holds.place(request == null ? null : request.target(), request == null ? null : request.reason(), identity.getPrincipal().getName());
        return Response.status(201).entity(hold).build();
    }

    @DELETE
    @Path("/holds/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Release a legal hold; the hold stays on record with who released it and when")
    public LegalHold release(@PathParam("id") String id) {
        return holds.release(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/erasure")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a data subject's decisions, one decision, or record a dataset version's erasure; a dry run (the default) shows the impact (Q5)",
            description = "Body: {\"subjectId\": \"customer-17\"} or {\"target\": \"" + NodeId.DECISION_FORM + "\" | \"" + NodeId.DATASET_VERSION_FORM + "\"}, with \"dryRun\": false "
                    + "to execute and an optional \"reason\". Executing writes tombstones everywhere the decisions live and returns the receipt; a legal "
                    + "hold on anything it would delete is a 409 naming the holds.")
    public ErasureAnswer erase(ErasureRequest request) {
        return erasures.erase(request, identity.getPrincipal().getName(), parameters.bounds("20"));
    }

    @GET
    @Path("/erasure")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every erasure receipt, newest first")
    public List<ErasureReceipt> receipts() {
        return erasures.receipts();
    }

    @GET
    @Path("/erasure/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "An erasure's receipt, and whether every store already answers without what it erased")
    public ErasureStatus erasure(@PathParam("id") String id) {
        return erasures.status(id);
    }

    /** A hold asked for. */
    public record HoldRequest(String target, String reason) {
    }
}
