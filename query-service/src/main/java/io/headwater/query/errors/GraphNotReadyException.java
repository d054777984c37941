package io.headwater.query.errors;

/** This instance's graph replica or stores are still loading (start, rebalance, or a restarted streams client). */
public class GraphNotReadyException extends UnavailableException {

    public GraphNotReadyException(Throwable cause) {
        super("the graph is still loading; retry shortly", cause);
    }

    public GraphNotReadyException(String message) {
        super(message, null);
    }

    @Override
    public String problemType() {
        return "loading";
    }

    @Override
    public String title() {
        return "Graph not ready";
    }
}
