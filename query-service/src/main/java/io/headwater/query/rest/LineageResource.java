package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.lineage.ColumnLineageService;
import io.headwater.query.lineage.Direction;
import io.headwater.query.lineage.LineageService;
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
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage", description = "Marquez-compatible job, dataset and column lineage")
public class LineageResource {

    private final LineageService lineage;
    private final ColumnLineageService columns;
    private final QueryParameters parameters;
    private final ScopedAnswers scoped;

    public LineageResource(LineageService lineage, ColumnLineageService columns, QueryParameters parameters, ScopedAnswers scoped) {
        this.lineage = lineage;
        this.columns = columns;
        this.parameters = parameters;
        this.scoped = scoped;
    }

    @GET
    @Path("/lineage")
    @Operation(summary = "Lineage of a dataset or job, in Marquez's response shape",
            description = "Node ids as Marquez's: " + NodeId.DATASET_FORM + ", " + NodeId.JOB_FORM + ", optionally with #<version>. "
                    + "A run (" + NodeId.RUN_FORM + "), a model version (" + NodeId.MODEL_VERSION_FORM + ") or a model answers with the lineage "
                    + "of the job that ran or trained it.")
    public LineageGraph lineage(
            @Parameter(description = NodeId.DATASET_FORM + ", " + NodeId.JOB_FORM + ", " + NodeId.RUN_FORM + " or " + NodeId.MODEL_VERSION_FORM) @QueryParam("nodeId") String nodeId,
            @Parameter(description = "edges to follow from the node (default 20, Marquez's)") @QueryParam("depth") @DefaultValue("20") String depth,
            @Parameter(description = "upstream, downstream, or both (default, as Marquez)") @QueryParam("direction") @DefaultValue("both") String direction,
            @Parameter(description = "ISO-8601 instant: the graph as it was known then") @QueryParam("asOf") String asOf,
            @Parameter(description = "the dataset's or job's version, instead of #<version> in nodeId (which must then be sent as %23)")
            @QueryParam("version") String version) {
        String node = QueryParameters.node(nodeId, version, NodeId.DATASET_FORM);
        Direction parsed = Direction.parse(direction)
                .orElseThrow(() -> new InvalidParameterException("direction", "must be upstream, downstream or both"));
        scoped.requireVisible(node);
        return scoped.lineage(lineage.lineage(node, parsed, parameters.bounds(depth), QueryParameters.asOf(asOf)));
    }

    @GET
    @Path("/column-lineage")
    @Operation(summary = "Column-level lineage of a dataset's fields or of one field, in Marquez's response shape",
            description = "nodeId is " + NodeId.DATASET_FORM + " (all its fields) or " + NodeId.FIELD_FORM + ".")
    public LineageGraph columnLineage(
            @Parameter(description = NodeId.DATASET_FORM + " or " + NodeId.FIELD_FORM) @QueryParam("nodeId") String nodeId,
            @Parameter(description = "edges to follow (default 20)") @QueryParam("depth") @DefaultValue("20") String depth,
            @Parameter(description = "also follow fields derived from these (default false, as Marquez)") @QueryParam("withDownstream") @DefaultValue("false") boolean withDownstream,
            @Parameter(description = "ISO-8601 instant: the graph as it was known then") @QueryParam("asOf") String asOf) {
        String node = QueryParameters.required("nodeId", nodeId, NodeId.FIELD_FORM);
        scoped.requireVisible(node);
        return scoped.lineage(columns.columnLineage(node, withDownstream, parameters.bounds(depth), QueryParameters.asOf(asOf)));
    }
}
