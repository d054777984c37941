package io.headwater.query.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class BoundsTest {

    @Test
    void theEdgeBoundStopsATraversalAndSaysWhy() {
        Bounds.Budget budget = new Bounds(20, 1000, 10, Duration.ofSeconds(5)).start();
        assertThat(budget.takeEdges(6)).isTrue();
        assertThat(budget.takeEdges(5)).isFalse();
        assertThat(budget.take()).isFalse();
        assertThat(budget.partialReason()).contains("10 edges").contains("headwater.query.max-edges");
    }

    @Test
    void aTraversalStopsOnceItsClientHasGone() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        Bounds bounds = new Bounds(20, 1000, 1000, Duration.ofSeconds(5));
        Bounds.Budget budget = Bounds.whileConnected(gone::get, bounds::start);
        assertThat(budget.take()).isTrue();
        gone.set(true);
        assertThat(budget.take()).isFalse();
        assertThat(budget.partialReason()).contains("client went away");
        // Outside a request nothing is watched.
        assertThat(bounds.start().take()).isTrue();
    }

    @Test
    void theTimeBudgetStopsATraversal() throws Exception {
        Bounds.Budget budget = new Bounds(20, 1000, 1000, Duration.ofMillis(1)).start();
        Thread.sleep(5);
        assertThat(budget.takeEdges(1)).isFalse();
        assertThat(budget.partialReason()).contains("time budget");
    }
}
