package io.headwater.query.rest;

import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.graph.Bounds;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses and checks the query parameters the resources share; a bad one is a 400 naming it. */
@ApplicationScoped
public class QueryParameters {

    static final int MAX_DEPTH = 1000;
    static final int MAX_PAGE = 1000;

    private final int maxNodes;
    private final int maxEdges;
    private final Duration timeBudget;

    public QueryParameters(@ConfigProperty(name = "headwater.query.max-nodes") int maxNodes,
                           @ConfigProperty(name = "headwater.query.max-edges") int maxEdges,
                           @ConfigProperty(name = "headwater.query.time-budget") Duration timeBudget) {
        this.maxNodes = maxNodes;
        this.maxEdges = maxEdges;
        this.timeBudget = timeBudget;
    }

    /** The bounds of one traversal, its depth as sent (text, so that depth=abc is a 400 naming it, not a 404). */
    public Bounds bounds(String depth) {
        return new Bounds(depth(integer("depth", depth)), maxNodes, maxEdges, timeBudget);
    }

    public static int depth(int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new InvalidParameterException("depth", "must be between 0 and " + MAX_DEPTH);
        }
        return depth;
    }

    /** A whole-number parameter; anything else is a 400 naming it. */
    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidParameterException(name, "must be a whole number, not '" + value + "'");
        }
    }

    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    /** The asOf parameter: an ISO-8601 instant such as 2026-11-26T10:00:00Z, or null for now. */
    public static Instant asOf(String value) {
        return instant("asOf", value);
    }

    /** An optional ISO-8601 instant parameter; null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
    }

    /**
     * The node asked about: nodeId as given, or, with version, that dataset's, job's or model's version. A separate
     * version spares callers the URL escaping of '#' (an unescaped '#' ends the URL, so the version would be dropped).
     */
    public static String node(String nodeId, String version, String example) {
        String node = required("nodeId", nodeId, example);
        if (version == null || version.isBlank()) {
            return node;
        }
        try {
            return io.headwater.contract.graph.NodeId.parse(node).atVersion(version.trim()).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("version", e.getMessage());
        }
    }

    public static String required(String name, String value, String example) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "is required, e.g. " + example);
        }
        return value.trim();
    }
}
