package io.headwater.query.reports;

import io.headwater.query.api.AlertView;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.api.Provenance;
import io.headwater.query.api.RunDetails;
import io.headwater.query.reports.ReportDocument.Field;
import io.headwater.query.reports.ReportDocument.Section;
import io.headwater.query.reports.ReportDocument.Table;
import io.headwater.query.runs.RunReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The sections a decision's report and a model version's documentation share, written once. */
final class ReportSections {

    private ReportSections() {
    }

    static Section modelVersion(ModelVersionView mv) {
        return new Section("Model version", fields("id", mv.id(), "artifact", mv.uri(), "digest", mv.digest(), "framework", mv.framework(),
                "created", str(mv.createdAt()), "trained by", mv.trainingRun(), "decisions made", str(mv.decisionCount())), null, List.of());
    }

    static Section trainingRun(RunDetails run) {
        RunDetails.Code c = run.code();
        RunDetails.EnvironmentDetails e = run.environment();
        return new Section("Training run", fields("run", run.id(), "job", run.job(), "state", run.state(), "started", str(run.startTime()),
                "ended", str(run.endTime()), "code", c == null ? null : join(" ", c.repoUrl() != null ? c.repoUrl() : c.url(), c.path()),
                "commit", c == null ? null : c.commit() + (Boolean.TRUE.equals(c.uncommittedChanges()) ? " (with uncommitted changes)" : ""),
                "environment", e == null ? null : join(" ", e.runtime(), e.runtimeVersion(), e.os()),
                "image", e == null || e.containerImage() == null ? null : e.containerImage() + (e.imageDigest() == null ? "" : " @ " + e.imageDigest()),
                "GPUs", e == null || e.gpus() == null || e.gpus().isEmpty() ? null : e.gpus().stream().map(g -> String.valueOf(g.get("model"))).collect(Collectors.joining(", ")),
                "packages", e == null || e.packages() == null ? null : e.packages().size() + " recorded",
                "parameters", run.parameters().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", ")),
                "final metrics", RunReader.finalMetrics(run.metrics()).entrySet().stream()
                        .map(m -> m.getKey() + "=" + m.getValue()).collect(Collectors.joining(", "))), null, List.of());
    }

    static Section data(String heading, Map<String, List<RunDetails.DataRef>> byRole) {
        List<List<String>> data = new ArrayList<>();
        (byRole == null ? Map.<String, List<RunDetails.DataRef>>of() : byRole).forEach((role, refs) -> refs.forEach(ref ->
                data.add(List.of(role, ref.dataset(), nz(ref.datasetVersion()), nz(ref.writtenBy())))));
        return new Section(heading, List.of(), new Table(List.of("role", "dataset", "version", "written by"), data),
                data.isEmpty() ? List.of("no training data recorded") : List.of());
    }

    static Section upstream(List<Provenance.UpstreamStep> steps, boolean partial, String partialReason) {
        List<List<String>> upstream = new ArrayList<>();
        for (Provenance.UpstreamStep s : steps == null ? List.<Provenance.UpstreamStep>of() : steps) {
            upstream.add(List.of(String.valueOf(s.depth()), nz(s.dataset().datasetVersion() != null ? s.dataset().datasetVersion() : s.dataset().dataset()),
                    nz(s.writtenByRun()), nz(s.job()), s.code() == null ? "" : nz(s.code().commit())));
        }
        return new Section("Upstream", List.of(), new Table(List.of("depth", "dataset version", "written by run", "job", "commit"), upstream),
                partial ? List.of("partial: " + partialReason) : List.of());
    }

    static Section validations(List<io.headwater.query.api.ModelValidations.Validation> validations, String none) {
        List<List<String>> rows = new ArrayList<>();
        for (io.headwater.query.api.ModelValidations.Validation v : validations == null ? List.<io.headwater.query.api.ModelValidations.Validation>of() : validations) {
            rows.add(List.of(v.runId(), nz(v.job()), nz(v.state()), nz(str(v.endTime())),
                    v.metrics().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                    v.data().stream().map(d -> d.dataset() + (d.role() == null ? "" : " (" + d.role() + ")")).collect(Collectors.joining(", "))));
        }
        return new Section("Validation runs", List.of(), new Table(List.of("run", "job", "state", "ended", "metrics", "data"), rows),
                rows.isEmpty() ? List.of(none) : List.of());
    }

    static List<String> alertRow(AlertView a) {
        return List.of(a.severity(), a.feature(), a.metric(), String.format("%.4f", a.value()), String.format("%.4f", a.threshold()), str(a.openedAt()));
    }

    /** Label/value pairs, without those that have no value. */
    static List<Field> fields(String... pairs) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                fields.add(new Field(pairs[i], pairs[i + 1]));
            }
        }
        return fields;
    }

    static String join(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
