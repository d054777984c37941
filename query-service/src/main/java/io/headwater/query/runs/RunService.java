package io.headwater.query.runs;

import io.headwater.query.api.Reproduction;
import io.headwater.query.api.RunComparison.Row;
import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
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

    public RunComparison compare(List<String> runIds) {
        List<RunDetails> runs = runIds.stream().map(id -> run(id, null)).toList();
        List<Row> parameters = rows(runs, r -> new TreeMap<String, Object>(r.parameters()));
        List<Row> metrics = rows(runs, r -> new TreeMap<String, Object>(RunReader.finalMetrics(r.metrics())));
        List<Row> code = rows(runs, RunService::codeFacts);
        List<Row> environment = rows(runs, RunService::environmentFacts);
        List<Row> packages = rows(runs, r -> r.environment() == null ? Map.of() : new TreeMap<String, Object>(r.environment().packages()));
        List<Row> data = rows(runs, RunService::dataFacts);
        int differences = (int) List.of(parameters, metrics, code, environment, packages, data).stream()
                .flatMap(List::stream).filter(Row::differs).count();
        return new RunComparison(runs.stream().map(RunDetails::id).toList(), parameters, metrics, code, environment, packages, data, differences);
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

    /** One row per key any run has, values in run order. */
    private static List<Row> rows(List<RunDetails> runs, Function<RunDetails, Map<String, Object>> facts) {
        List<Map<String, Object>> perRun = runs.stream().map(facts).toList();
        Collection<String> keys = perRun.stream().flatMap(m -> m.keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            List<Object> values = perRun.stream().map(m -> m.get(key)).toList();
            boolean differs = values.stream().distinct().count() > 1;
            rows.add(new Row(key, new ArrayList<>(values), differs));
        }
        return rows;
    }

    private static Map<String, Object> codeFacts(RunDetails run) {
        Map<String, Object> facts = new TreeMap<>();
        facts.put("job", run.job());
        RunDetails.Code code = run.code();
        if (code != null) {
            facts.put("jobVersion", code.jobVersion());
            facts.put("repoUrl", code.repoUrl());
            facts.put("path", code.path());
            facts.put("commit", code.commit());
            facts.put("branch", code.branch());
            facts.put("sql", code.sql());
        }
        facts.values().removeIf(Objects::isNull);
        return facts;
    }

    private static Map<String, Object> environmentFacts(RunDetails run) {
        Map<String, Object> facts = new TreeMap<>();
        RunDetails.EnvironmentDetails environment = run.environment();
        if (environment != null) {
            facts.put("environment", environment.id());
            facts.put("runtime", environment.runtime());
            facts.put("runtimeVersion", environment.runtimeVersion());
            facts.put("os", environment.os());
            facts.put("containerImage", environment.containerImage());
            facts.put("imageDigest", environment.imageDigest());
            facts.put("gpus", environment.gpus().stream().map(g -> String.valueOf(g.get("model"))).sorted().collect(Collectors.joining(", ")));
        }
        facts.values().removeIf(v -> v == null || "".equals(v));
        return facts;
    }

    private static Map<String, Object> dataFacts(RunDetails run) {
        Map<String, Object> facts = new TreeMap<>();
        for (DataRef input : run.inputs()) {
            String key = input.dataset() + (input.role() == null ? "" : " (" + input.role() + ")");
            facts.put(key, input.version() == null ? "(unversioned)" : input.version());
        }
        return facts;
    }
}
