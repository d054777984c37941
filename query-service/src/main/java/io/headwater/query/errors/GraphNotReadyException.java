package io.headwater.query.errors;

/** This instance's graph replica or stores are still loading (start, rebalance, or a restarted streams client). */
public class GraphNotReadyException extends UnavailableException {

    public GraphNotReadyException(Throwable cause) {
        super("loading", "Graph not ready", "the graph is still loading; retry shortly", cause);
    }

    public GraphNotReadyException(String message) {
        super("loading", "Graph not ready", message, null);
    }
}
