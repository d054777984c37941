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

    @Schema(name = "LineageEdge", description = "An edge of Marquez's lineage answer, from origin to destination")
    public record Edge(String origin, String destination) {
    }
}
