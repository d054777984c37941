package io.headwater.query.graph;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The limits one traversal runs under: how far it goes, how many nodes and edges it may collect (its
 * memory), how long it may take, and whether the client that asked is still there. A traversal that
 * hits one stops and says so ({@link Budget#partialReason()}); one whose client went away stops at
 * once, so no thread computes for nobody.
 */
public record Bounds(int depth, int maxNodes, int maxEdges, Duration timeBudget) {

    /** Set by the request around a traversal: true once the client has gone (its connection closed). */
    private static final ThreadLocal<BooleanSupplier> CLIENT_GONE = new ThreadLocal<>();

    public Budget start() {
        return new Budget(this, System.nanoTime() + timeBudget.toNanos(), CLIENT_GONE.get());
    }

    /** Runs {@code work} on this thread with {@code clientGone} consulted by every budget it starts. */
    public static <T> T whileConnected(BooleanSupplier clientGone, java.util.concurrent.Callable<T> work) throws Exception {
        BooleanSupplier previous = CLIENT_GONE.get();
        CLIENT_GONE.set(clientGone);
        try {
            return work.call();
        } finally {
            CLIENT_GONE.set(previous);
        }
    }

    /** One traversal's use of its bounds. */
    public static final class Budget {
        private final Bounds bounds;
        private final long deadline;
        private final BooleanSupplier clientGone;
        private int nodes;
        private long edges;
        private String stopReason;
        private boolean cutAtDepth;

        private Budget(Bounds bounds, long deadline, BooleanSupplier clientGone) {
            this.bounds = bounds;
            this.deadline = deadline;
            this.clientGone = clientGone;
        }

        /** Whether one more node may be taken; once not, the traversal is partial. */
        public boolean take() {
            if (stopReason != null) {
                return false;
            }
            if (nodes >= bounds.maxNodes()) {
                stopReason = "stopped at " + bounds.maxNodes() + " nodes; narrow with depth";
                return false;
            }
            if (outOfTimeOrClient()) {
                return false;
            }
            nodes++;
            return true;
        }

        /** Charges edges read into memory; false once the edge (memory) bound is passed. */
        public boolean takeEdges(int count) {
            if (stopReason != null) {
                return false;
            }
            edges += count;
            if (edges > bounds.maxEdges()) {
                stopReason = "stopped at " + bounds.maxEdges() + " edges (the memory bound, headwater.query.max-edges); narrow with depth or direction";
                return false;
            }
            return !outOfTimeOrClient();
        }

        private boolean outOfTimeOrClient() {
            if (System.nanoTime() > deadline) {
                stopReason = "stopped after the time budget of " + bounds.timeBudget().toMillis() + " ms";
                return true;
            }
            if (clientGone != null && clientGone.getAsBoolean()) {
                stopReason = "stopped: the client went away";
                return true;
            }
            return false;
        }

        /** Whether a node at this depth may be expanded further; when not, and more lay beyond, the answer is partial. */
        public boolean mayExpand(int depth) {
            return depth < bounds.depth();
        }

        /** Something lay beyond the depth bound: the answer goes on but is partial. */
        public void cutAtDepth() {
            cutAtDepth = true;
        }

        /** Whether the node, edge, time or client bound stopped the traversal. */
        public boolean stopped() {
            return stopReason != null;
        }

        public boolean partial() {
            return stopReason != null || cutAtDepth;
        }

        public String partialReason() {
            return stopReason != null ? stopReason
                    : cutAtDepth ? "stopped at depth " + bounds.depth() + "; ask with a larger depth for more" : null;
        }
    }
}
