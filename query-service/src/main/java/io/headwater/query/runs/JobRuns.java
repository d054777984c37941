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

/**
 * Runs, newest first, through their jobs' versions (job → job version → run): of one job or of every job of a
 * namespace, filtered by state and start time, a page of {@code limit} after {@code offset}.
 */
final class JobRuns {

    /** Which runs: a state (null: any), started at or after from and before until (null: unbounded). */
    record Filter(String state, Instant from, Instant until) {
        boolean admits(RunSummary run) {
            return (state == null || state.equalsIgnoreCase(run.state()))
                    && (from == null || (run.startTime() != null && !run.startTime().isBefore(from)))
                    && (until == null || (run.startTime() != null && run.startTime().isBefore(until)));
        }
    }

    private JobRuns() {
    }

    static List<RunSummary> of(GraphView graph, String jobId, Filter filter, int offset, int limit) {
        GraphNode job = graph.node(jobId).filter(n -> n.getKind() == NodeKind.JOB)
                .orElseThrow(() -> NotFoundException.of("job", jobId));
        return page(runsOf(graph, List.of(job)), filter, offset, limit);
    }

    /** The runs of every job of a namespace the reader may see (visible), newest first. */
    static List<RunSummary> ofNamespace(GraphView graph, String namespace, java.util.function.Predicate<String> visible, Filter filter,
                                        int offset, int limit) {
        List<GraphNode> jobs = graph.nodesWithIdPrefix(io.headwater.contract.graph.NodeId.jobIdPrefix(namespace)).stream()
                .filter(n -> n.getKind() == NodeKind.JOB && visible.test(n.getId())).toList();
        return page(runsOf(graph, jobs), filter, offset, limit);
    }

    private static List<RunSummary> runsOf(GraphView graph, List<GraphNode> jobs) {
        List<RunSummary> runs = new ArrayList<>();
        for (GraphNode job : jobs) {
            for (GraphEdge version : graph.in(job.getId(), EdgeKind.VERSION_OF)) {
                RunDetails.Code code = RunReader.code(graph, version.getSource());
                for (GraphEdge runOf : graph.out(version.getSource(), EdgeKind.RUN_OF)) {
                    graph.node(runOf.getTarget()).ifPresent(run -> runs.add(summary(run, version.getSource(), code)));
                }
            }
        }
        return runs;
    }

    private static List<RunSummary> page(List<RunSummary> runs, Filter filter, int offset, int limit) {
        return runs.stream().filter(filter::admits)
                .sorted(Comparator.comparing(RunSummary::startTime, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RunSummary::id))
                .skip(offset).limit(limit).toList();
    }

    private static RunSummary summary(GraphNode run, String jobVersion, RunDetails.Code code) {
        Instant start = RunReader.instant(run.getAttributes().get(Run.START_TIME));
        Instant end = RunReader.instant(run.getAttributes().get(Run.END_TIME));
        Long duration = start != null && end != null ? Duration.between(start, end).toMillis() : null;
        return new RunSummary(run.getId(), run.getName(), run.getAttributes().get(Run.STATE), start, end, duration, jobVersion,
                code == null ? null : code.commit());
    }
}
