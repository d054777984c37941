package io.headwater.query.runs;

import io.headwater.query.api.RunComparison.Row;
import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs side by side: what differs between them, row by row. */
public final class RunComparisons {

    private RunComparisons() {
    }

    public static RunComparison of(List<RunDetails> runs) {
        List<Row> parameters = rows(runs, r -> new TreeMap<String, Object>(r.parameters()));
        List<Row> metrics = rows(runs, r -> new TreeMap<String, Object>(RunReader.finalMetrics(r.metrics())));
        List<Row> code = rows(runs, RunComparisons::codeFacts);
        List<Row> environment = rows(runs, RunComparisons::environmentFacts);
        List<Row> packages = rows(runs, r -> r.environment() == null ? Map.of() : new TreeMap<String, Object>(r.environment().packages()));
        List<Row> data = rows(runs, RunComparisons::dataFacts);
        int differences = (int) List.of(parameters, metrics, code, environment, packages, data).stream()
                .flatMap(List::stream).filter(Row::differs).count();
        return new RunComparison(runs.stream().map(RunDetails::id).toList(), parameters, metrics, code, environment, packages, data, differences);
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
