package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What one instance asks another: answered from this instance's own partitions only, never
 * forwarded again, so a request cannot bounce between instances while partitions move.
 */
@RolesAllowed(Roles.SERVICE)
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InternalDecisionResource {

    private final InteractiveQueries decisions;

    public InternalDecisionResource(InteractiveQueries decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("/decisions/{decisionId}")
    @Operation(hidden = true)
    public DecisionView decision(@PathParam("decisionId") String decisionId) {
        return decisions.localDecision(decisionId).orElseThrow(() -> NotFoundException.of("decision", decisionId));
    }

    @jakarta.ws.rs.POST
    @Path("/decision-counts")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public java.util.Map<String, Long> decisionCounts(java.util.List<String> modelVersionIds) {
        return decisions.localDecisionCounts(modelVersionIds == null ? java.util.List.of() : modelVersionIds);
    }

    @jakarta.ws.rs.POST
    @Path("/decisions-of-subject")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public java.util.List<DecisionView> decisionsOfSubject(java.util.Map<String, String> body) {
        return decisions.localDecisionsOfSubject(QueryParameters.required("subjectId", body == null ? null : body.get("subjectId"), "the subject's id"));
    }

    @GET
    @Path("/decisions-by-model-version")
    @Operation(hidden = true)
    public DecisionPage decisionsOf(@QueryParam("modelVersionId") String modelVersionId, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") @DefaultValue("50") String limit, @QueryParam("from") String from,
                                    @QueryParam("until") String until) {
        return decisions.localDecisionsOf(QueryParameters.required("modelVersionId", modelVersionId, NodeId.MODEL_VERSION_FORM), cursor,
                QueryParameters.integer("limit", limit), from == null ? null : QueryParameters.instant("from", from),
                until == null ? null : QueryParameters.instant("until", until));
    }
}
