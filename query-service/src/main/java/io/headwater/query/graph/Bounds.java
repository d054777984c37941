package io.headwater.query.graph;

import java.time.Duration;

/**
 * The limits one traversal runs under: how far it goes, how many nodes it may collect, how long it
 * may take. A traversal that hits one stops and says so ({@link Budget#partialReason()}).
 */
public record Bounds(int depth, int maxNodes, Duration timeBudget) {

    public Budget start() {
        return new Budget(this, System.nanoTime() + timeBudget.toNanos());
    }

    /** One traversal's use of its bounds. */
    public static final class Budget {
        private final Bounds bounds;
        private final long deadline;
        private int nodes;
        private String stopReason;
        private boolean cutAtDepth;

        private Budget(Bounds bounds, long deadline) {
            this.bounds = bounds;
            this.deadline = deadline;
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
            if (System.nanoTime() > deadline) {
                stopReason = "stopped after the time budget of " + bounds.timeBudget().toMillis() + " ms";
                return false;
            }
            nodes++;
            return true;
        }

        /** Whether a node at this depth may be expanded further; when not, and more lay beyond, the answer is partial. */
        public boolean mayExpand(int depth) {
            return depth < bounds.depth();
        }

        /** Something lay beyond the depth bound: the answer goes on but is partial. */
        public void cutAtDepth() {
            cutAtDepth = true;
        }

        /** Whether the node or time bound stopped the traversal. */
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
