package io.headwater.query.runs;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.query.api.RunDetails;
import io.headwater.query.api.RunSummary;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A job's runs, newest first, through its versions (job → job version → run), at most {@code limit}. */
final class JobRuns {

    private JobRuns() {
    }

    static List<RunSummary> of(GraphView graph, String jobId, int limit) {
        GraphNode job = graph.node(jobId).filter(n -> n.getKind() == NodeKind.JOB)
                .orElseThrow(() -> NotFoundException.of("job", jobId));
        List<RunSummary> runs = new ArrayList<>();
        for (GraphEdge version : graph.in(job.getId(), EdgeKind.VERSION_OF)) {
            RunDetails.Code code = RunReader.code(graph, version.getSource());
            for (GraphEdge runOf : graph.out(version.getSource(), EdgeKind.RUN_OF)) {
                graph.node(runOf.getTarget()).ifPresent(run -> runs.add(summary(run, version.getSource(), code)));
            }
        }
        runs.sort(Comparator.comparing(RunSummary::startTime, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RunSummary::id));
        return runs.size() > limit ? List.copyOf(runs.subList(0, limit)) : runs;
    }

    private static RunSummary summary(GraphNode run, String jobVersion, RunDetails.Code code) {
        Instant start = RunReader.instant(run.getAttributes().get(Run.START_TIME));
        Instant end = RunReader.instant(run.getAttributes().get(Run.END_TIME));
        Long duration = start != null && end != null ? Duration.between(start, end).toMillis() : null;
        return new RunSummary(run.getId(), run.getName(), run.getAttributes().get(Run.STATE), start, end, duration, jobVersion,
                code == null ? null : code.commit());
    }
}
