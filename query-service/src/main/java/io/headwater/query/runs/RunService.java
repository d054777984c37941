package io.headwater.query.runs;

import io.headwater.query.api.Reproduction;
import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One run, several side by side, and the recipe to run one again. */
@ApplicationScoped
public class RunService {

    private final GraphStore store;

    public RunService(GraphStore store) {
        this.store = store;
    }

    public RunDetails run(String runId, Instant asOf) {
        return RunReader.read(new GraphView(store, asOf), runId).orElseThrow(() -> NotFoundException.of("run", runId));
    }

    /** The job's runs, newest first. */
    /** Runs of one job, or of every job of a namespace the reader may see; by state and start time, one page. */
    public List<io.headwater.query.api.RunSummary> runs(String jobId, String namespace, java.util.function.Predicate<String> visible, String state,
                                                       java.time.Instant from, java.time.Instant until, int offset, int limit) {
        JobRuns.Filter filter = new JobRuns.Filter(state, from, until);
        GraphView graph = new GraphView(store, null);
        return jobId != null ? JobRuns.of(graph, jobId, filter, offset, limit) : JobRuns.ofNamespace(graph, namespace, visible, filter, offset, limit);
    }

    public RunComparison compare(List<String> runIds) {
        return RunComparisons.of(runIds.stream().map(id -> run(id, null)).toList());
    }

    public Reproduction reproduce(String runId) {
        RunDetails run = run(runId, null);
        List<String> missing = new ArrayList<>();
        RunDetails.Code code = run.code();
        List<String> checkout = new ArrayList<>();
        if (code == null || code.commit() == null) {
            missing.add("code commit (no sourceCodeLocation facet with a version)");
        } else if (code.repoUrl() != null || code.url() != null) {
            String repo = code.repoUrl() != null ? code.repoUrl() : code.url();
            checkout.add("git clone " + repo + " src");
            checkout.add("git -C src checkout " + code.commit());
        } else {
            missing.add("code repository URL");
        }
        if (code != null && Boolean.TRUE.equals(code.uncommittedChanges())) {
            missing.add("uncommitted changes: the working tree differed from commit " + code.commit() + " when the run started");
        }
        RunDetails.EnvironmentDetails environment = run.environment();
        String image = null;
        String requirements = null;
        if (environment == null) {
            missing.add("environment (no headwater_environment facet)");
        } else {
            if (environment.containerImage() != null) {
                image = environment.imageDigest() != null ? environment.containerImage().replaceAll("[:@].*$", "") + "@" + environment.imageDigest()
                        : environment.containerImage();
                if (environment.imageDigest() == null) {
                    missing.add("container image digest (a tag can move)");
                }
            }
            if (environment.packages().isEmpty()) {
                missing.add("installed packages");
            } else {
                requirements = environment.packages().entrySet().stream().map(e -> e.getKey() + "==" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n"));
            }
        }
        for (DataRef input : run.inputs()) {
            if (input.datasetVersion() == null) {
                missing.add("version of input " + input.dataset());
            }
        }
        return new Reproduction(run.id(), run.job(), run.state(), code, checkout, environment, image, requirements, run.parameters(),
                run.inputs(), RunReader.finalMetrics(run.metrics()), run.outputs(), run.producedModelVersions(), missing);
    }
}
