package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An answer as a graph: the nodes it touched and the edges between them, each edge with the time it holds from (and to). */
public record GraphAnswer(List<Node> nodes, List<Edge> edges) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** @param redacted true where the node lies outside the reader's namespaces: its id is an alias, its name and attributes are withheld */
    @Schema(name = "GraphNode", description = "A node of the answer's graph: a dataset (version), job, run, model version, decision, ...")
    public record Node(String id, String type, String name, Map<String, String> attributes, Boolean redacted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "GraphEdge", description = "An edge of the answer's graph, with its kind and the time span it held")
    public record Edge(String origin, String destination, String kind, Instant validFrom, Instant validTo) {
    }
}
