package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marquez's lineage answer: {"graph": [nodes sorted by id]}, plus whether a bound cut it short. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineageGraph(List<Node> graph, Boolean partial, String partialReason, Redacted redacted) implements PartialAnswer {

    /** One node: Marquez's id, type (DATASET or JOB) and data, with its edges among the returned nodes. */
    @Schema(name = "LineageNode", description = "A node of Marquez's lineage answer: its id, type (DATASET or JOB), data, and edges among the nodes returned")
    public record Node(String id, String type, Map<String, Object> data, List<Edge> inEdges, List<Edge> outEdges) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LineageEdge", description = "An edge of Marquez's lineage answer, from origin to destination")
    public record Edge(
            @Schema(description = "The node id the edge starts at") String origin,
            @Schema(description = "The node id the edge ends at") String destination,
            @Schema(description = "True when a JobEvent declared this edge (static, design-time lineage); absent otherwise") Boolean declared,
            @Schema(description = "True when a run's events showed this edge; absent on an edge only declared") Boolean observed) {

        public Edge(String origin, String destination) {
            this(origin, destination, null, null);
        }
    }
}
