package io.headwater.streams.graph;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.RunHistory;
import io.headwater.avro.RunInfo;
import io.headwater.avro.RunRef;
import io.headwater.avro.RunState;
import io.headwater.avro.SourceCodeLocation;
import io.headwater.streams.runs.RunFolder;
import io.headwater.streams.runs.RunHistories;
import io.headwater.streams.runs.RunView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraphProjectionTest {

    private static final Instant START = Instant.parse("2026-11-26T03:14:12.618Z");
    private static final Instant END = Instant.parse("2026-11-26T03:14:27Z");

    private static LineageEvent event(String id, RunState state, Instant time) {
        return LineageEvent.newBuilder()
                .setEventId(id).setKind(LineageEventKind.RUN).setEventType(state)
                .setEventTime(time).setProducer("p").setSchemaURL("s").setRawJson("{}").setReceivedAt(time)
                .setRun(RunInfo.newBuilder().setRunId("r-child")
                        .setParent(RunRef.newBuilder().setRunId("r-app").setJobNamespace("spike").setJobName("spike_job1").build())
                        .build())
                .setJob(JobInfo.newBuilder().setNamespace("spike").setName("job1.sql").setProcessingType("BATCH")
                        .setSourceCode(SourceCodeLocation.newBuilder().setRepoUrl("https://git.example/etl.git").setVersion("abc123").setPath("jobs/job1.py").build())
                        .build())
                .setInputs(List.of(DatasetRef.newBuilder().setNamespace("file").setName("/in/orders.csv").build()))
                .setOutputs(List.of(DatasetRef.newBuilder().setNamespace("file").setName("/out/revenue").build()))
                .build();
    }

    private static RunView run(LineageEvent... events) {
        RunHistory history = RunHistories.empty();
        for (LineageEvent event : events) {
            history = RunHistories.add("r-child", event, history);
        }
        return RunFolder.fold(history);
    }

    @Test
    void aCompletedRunNamesItsJobVersionDatasetsAndParent() {
        RunView run = run(event("e2", RunState.COMPLETE, END), event("e1", RunState.START, START), event("e1", RunState.START, START));
        assertThat(run.state()).isEqualTo(RunState.COMPLETE);
        assertThat(run.startTime()).isEqualTo(START);
        assertThat(run.endTime()).isEqualTo(END);
        assertThat(run.eventCount()).as("the repeat is dropped").isEqualTo(2);

        List<GraphNode> nodes = GraphProjection.nodes(run);
        assertThat(nodes).extracting(GraphNode::getId).contains("job:spike:job1.sql", "dataset:file:/in/orders.csv",
                "dataset:file:/out/revenue", "run:r-child");
        GraphNode version = nodes.stream().filter(n -> n.getId().startsWith("job:spike:job1.sql#")).findFirst().orElseThrow();
        assertThat(version.getAttributes()).containsEntry("commit", "abc123").containsEntry("repoUrl", "https://git.example/etl.git");

        List<GraphEdge> edges = GraphProjection.edges(run);
        assertThat(edges).extracting(e -> e.getSource() + " " + e.getKind() + " " + e.getTarget()).contains(
                "dataset:file:/in/orders.csv INPUT_TO job:spike:job1.sql",
                "job:spike:job1.sql OUTPUT_OF dataset:file:/out/revenue",
                version.getId() + " RUN_OF run:r-child",
                "run:r-app CHILD_OF run:r-child");

        List<DatasetAccess> accesses = GraphProjection.accesses(run);
        assertThat(accesses).extracting(a -> (a.getWrite() ? "write " : "read ") + a.getDatasetId() + " @" + a.getTime())
                .containsExactly("read dataset:file:/in/orders.csv @" + START, "write dataset:file:/out/revenue @" + END);
    }

    @Test
    void aRunThatHasNotCompletedWritesNoVersion() {
        assertThat(GraphProjection.accesses(run(event("e1", RunState.START, START)))).noneMatch(DatasetAccess::getWrite);
        assertThat(GraphProjection.accesses(run(event("e1", RunState.START, START), event("e3", RunState.FAIL, END)))).noneMatch(DatasetAccess::getWrite);
    }
}
