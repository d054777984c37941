package io.headwater.streams.graph;

import io.headwater.avro.DatasetRef;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.RunInfo;
import io.headwater.avro.RunRef;
import io.headwater.avro.RunState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraphProjectionTest {

    private static final Instant TIME = Instant.parse("2026-11-26T03:14:12.618Z");

    private static LineageEvent sparkSqlStart() {
        return LineageEvent.newBuilder()
                .setEventId("e1").setKind(LineageEventKind.RUN).setEventType(RunState.START)
                .setEventTime(TIME).setProducer("p").setSchemaURL("s").setRawJson("{}").setReceivedAt(TIME)
                .setRun(RunInfo.newBuilder().setRunId("r-child")
                        .setParent(RunRef.newBuilder().setRunId("r-app").setJobNamespace("spike").setJobName("spike_job1").build())
                        .build())
                .setJob(JobInfo.newBuilder().setNamespace("spike").setName("job1.sql").setProcessingType("BATCH").build())
                .setInputs(List.of(DatasetRef.newBuilder().setNamespace("file").setName("/in/orders.csv").build()))
                .setOutputs(List.of(DatasetRef.newBuilder().setNamespace("file").setName("/out/revenue").build()))
                .build();
    }

    @Test
    void anEventNamesItsJobDatasetsAndRun() {
        List<GraphNode> nodes = GraphProjection.nodes(sparkSqlStart());
        assertThat(nodes).extracting(GraphNode::getId)
                .containsExactly("job:spike:job1.sql", "dataset:file:/in/orders.csv", "dataset:file:/out/revenue", "run:r-child");
        assertThat(nodes.get(3).getAttributes()).containsEntry("state", "START").containsEntry("job", "job:spike:job1.sql");
        assertThat(nodes).allSatisfy(n -> assertThat(n.getFirstSeen()).isEqualTo(TIME));
    }

    @Test
    void edgesPointDownstream() {
        List<GraphEdge> edges = GraphProjection.edges(sparkSqlStart());
        assertThat(edges).extracting(e -> e.getSource() + " " + e.getKind() + " " + e.getTarget()).containsExactly(
                "dataset:file:/in/orders.csv INPUT_TO job:spike:job1.sql",
                "job:spike:job1.sql OUTPUT_OF dataset:file:/out/revenue",
                "job:spike:job1.sql RUN_OF run:r-child",
                "run:r-app CHILD_OF run:r-child");
        assertThat(edges).allSatisfy(e -> assertThat(e.getId()).contains(e.getKind().name()));
        assertThat(edges.stream().filter(e -> e.getKind() == EdgeKind.INPUT_TO)).hasSize(1);
    }
}
