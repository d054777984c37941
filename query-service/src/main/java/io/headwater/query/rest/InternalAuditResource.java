package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.query.audit.AuditIndex;
import io.headwater.query.errors.InvalidParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Another instance's question to this one's partitions of the audit index; the query in the body, so the audit does not re-log it. */
@RolesAllowed(Roles.SERVICE)
@Path("/internal/v1/audit-hits")
public class InternalAuditResource {

    private final AuditIndex index;

    public InternalAuditResource(AuditIndex index) {
        this.index = index;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<AuditIndex.PartitionHits> hits(AuditIndex.HitsQuery query) {
        if (query == null || query.query() == null || query.query().id() == null) {
            throw new InvalidParameterException("query.id", "the id asked about is required");
        }
        return index.localHits(query);
    }
}
