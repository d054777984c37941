package io.headwater.streams.graph;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphMergeTest {

    private static GraphNode run(String state, Instant time) {
        return GraphNode.newBuilder().setId("run:1").setKind(NodeKind.RUN).setName("1")
                .setFirstSeen(time).setLastSeen(time).setAttributes(Map.of("state", state)).build();
    }

    @Test
    void aCompleteThatArrivesBeforeItsStartStillWins() {
        GraphNode start = run("START", Instant.parse("2026-11-26T03:14:12Z"));
        GraphNode complete = run("COMPLETE", Instant.parse("2026-11-26T03:14:27Z"));
        GraphNode inOrder = GraphMerge.merge(start, complete);
        GraphNode outOfOrder = GraphMerge.merge(complete, start);
        assertThat(outOfOrder).isEqualTo(inOrder);
        assertThat(inOrder.getAttributes()).containsEntry("state", "COMPLETE");
        assertThat(inOrder.getFirstSeen()).isEqualTo(start.getFirstSeen());
        assertThat(inOrder.getLastSeen()).isEqualTo(complete.getLastSeen());
    }

    @Test
    void edgesKeepTheEarliestTimeTheyHeld() {
        GraphEdge early = GraphEdge.newBuilder().setId("a").setKind(EdgeKind.INPUT_TO).setSource("s").setTarget("t")
                .setValidFrom(Instant.parse("2026-01-01T00:00:00Z")).build();
        GraphEdge late = GraphEdge.newBuilder(early).setValidFrom(Instant.parse("2026-02-01T00:00:00Z")).build();
        assertThat(GraphMerge.merge(late, early).getValidFrom()).isEqualTo(early.getValidFrom());
        assertThat(GraphMerge.merge(early, late)).isEqualTo(GraphMerge.merge(late, early));
    }
}
