package io.headwater.query.graph;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.query.streams.GraphStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The graph as one question sees it: everything known now, or, with {@code asOf}, only the nodes
 * first seen by then and the edges that held then (valid from before it, not superseded before it).
 * One view serves one question (it remembers the nodes it read); it is not shared between threads.
 */
public final class GraphView {

    private final GraphStore store;
    private final Instant asOf;
    /** One question reads the same node several times (a version as an input and as an answer node): read it once. */
    private final java.util.Map<String, Optional<GraphNode>> nodes = new java.util.HashMap<>();

    public GraphView(GraphStore store, Instant asOf) {
        this.store = store;
        this.asOf = asOf;
    }

    public Instant asOf() {
        return asOf;
    }

    public Optional<GraphNode> node(String id) {
        return nodes.computeIfAbsent(id, key -> store.node(key).filter(this::visible));
    }

    /** Edges of these kinds arriving at the node. */
    public List<GraphEdge> in(String id, Set<EdgeKind> kinds) {
        return store.inEdges(id).stream().filter(e -> kinds.contains(e.getKind()) && holds(e)).toList();
    }

    /** Edges of these kinds leaving the node. */
    public List<GraphEdge> out(String id, Set<EdgeKind> kinds) {
        return store.outEdges(id).stream().filter(e -> kinds.contains(e.getKind()) && holds(e)).toList();
    }

    public List<GraphEdge> in(String id, EdgeKind kind) {
        return in(id, Set.of(kind));
    }

    public List<GraphEdge> out(String id, EdgeKind kind) {
        return out(id, Set.of(kind));
    }

    /** Nodes whose id starts with the prefix (a dataset's fields), at most 10,000. */
    public List<GraphNode> nodesWithIdPrefix(String prefix) {
        return store.nodesWithIdPrefix(prefix, 10_000).stream().filter(this::visible).toList();
    }

    public boolean visible(GraphNode node) {
        return asOf == null || !node.getFirstSeen().isAfter(asOf);
    }

    public boolean holds(GraphEdge edge) {
        return asOf == null || (!edge.getValidFrom().isAfter(asOf) && (edge.getValidTo() == null || edge.getValidTo().isAfter(asOf)));
    }
}
