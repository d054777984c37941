package io.headwater.query.rest;

import io.headwater.query.lineage.Direction;
import io.headwater.query.lineage.LineageService;
import io.headwater.query.model.LineageGraph;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lineage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lineage", description = "Marquez-compatible job and dataset lineage")
public class LineageResource {

    private final LineageService lineage;
    private final int maxNodes;

    public LineageResource(LineageService lineage, @ConfigProperty(name = "headwater.query.max-nodes") int maxNodes) {
        this.lineage = lineage;
        this.maxNodes = maxNodes;
    }

    @GET
    @Operation(summary = "Lineage of a dataset or job, in Marquez's response shape",
            description = "Node ids as Marquez's: dataset:<namespace>:<name>, job:<namespace>:<name>, optionally with #<version>.")
    public LineageGraph lineage(
            @Parameter(description = "e.g. dataset:file:/srv/spark-demo/data/out/revenue_by_country") @QueryParam("nodeId") String nodeId,
            @Parameter(description = "edges to follow from the node (default 20, Marquez's)") @QueryParam("depth") @DefaultValue("20") int depth,
            @Parameter(description = "upstream, downstream, or both (default, as Marquez)") @QueryParam("direction") @DefaultValue("both") String direction) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new InvalidParameterException("nodeId", "is required, e.g. dataset:<namespace>:<name>");
        }
        if (depth < 0 || depth > 1000) {
            throw new InvalidParameterException("depth", "must be between 0 and 1000");
        }
        Direction parsed = Direction.parse(direction)
                .orElseThrow(() -> new InvalidParameterException("direction", "must be upstream, downstream or both"));
        return lineage.lineage(nodeId, depth, parsed, maxNodes);
    }
}
