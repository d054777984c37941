package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.Impact;
import io.headwater.query.impact.ImpactService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.READER)
@io.headwater.query.admission.Admitted
@Path("/api/v1/impact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "impact", description = "What a dataset version, run, job or environment touched downstream")
public class ImpactResource {

    private final ImpactService impact;
    private final QueryParameters parameters;
    private final ScopedAnswers scoped;

    public ImpactResource(ImpactService impact, QueryParameters parameters, ScopedAnswers scoped) {
        this.impact = impact;
        this.parameters = parameters;
        this.scoped = scoped;
    }

    @GET
    @Operation(summary = "Every job, dataset version, model version and decision downstream of a node",
            description = "Decisions are counted per model version and paged (pass nextCursor as cursor).")
    public Impact impact(@Parameter(description = "any node id: " + NodeId.DATASET_VERSION_FORM + ", " + NodeId.RUN_FORM + ", " + NodeId.JOB_FORM + ", ...") @QueryParam("nodeId") String nodeId,
                         @Parameter(description = "steps to follow downstream (default 50)") @QueryParam("depth") @DefaultValue("50") String depth,
                         @QueryParam("cursor") String cursor,
                         @Parameter(description = "decisions per page (default 50)") @QueryParam("limit") @DefaultValue("50") String limit,
                         @Parameter(description = "the dataset's, job's or model's version, instead of #<version> in nodeId (which must then be sent as %23)")
                         @QueryParam("version") String version) {
        String node = QueryParameters.node(nodeId, version, NodeId.DATASET_VERSION_FORM);
        scoped.requireVisible(node);
        return scoped.impact(impact.impact(node, parameters.bounds(depth), cursor, QueryParameters.limit(QueryParameters.integer("limit", limit))));
    }
}
