package io.headwater.query.reports;

import io.headwater.query.api.AlertView;
import io.headwater.query.api.DecisionReport;
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

/** What a decision's report says, in the order a regulator reads it. */
public final class DecisionReportDocument {

    private DecisionReportDocument() {
    }

    public static ReportDocument of(DecisionReport r) {
        List<Section> sections = new ArrayList<>();
        var d = r.decision();
        sections.add(new Section("Decision", fields(
                "decision id", d.decisionId(), "made at", str(d.decisionTime()), "output", d.output() == null ? null : d.output().toString(),
                "subject", d.subjectId(), "inputs", d.inputsRef(), "inputs hash", d.inputsHash(), "sent by", r.sentBy(),
                "received", str(d.receivedAt()), "model version", d.modelVersionId()), null, List.of()));
        var mv = r.modelVersion();
        if (mv != null) {
            sections.add(new Section("Model version", fields("id", mv.id(), "artifact", mv.uri(), "digest", mv.digest(), "framework", mv.framework(),
                    "created", str(mv.createdAt()), "trained by", mv.trainingRun(), "decisions made", str(mv.decisionCount())), null, List.of()));
        } else {
            sections.add(new Section("Model version", List.of(), null, List.of("the model version " + d.modelVersionId() + " is not known to the graph")));
        }
        var serving = r.servingAtDecision();
        if (serving != null) {
            List<List<String>> rows = new ArrayList<>();
            serving.serving().forEach(s -> rows.add(List.of(s.endpoint() == null ? "(any)" : s.endpoint(), s.modelVersionId(), str(s.from()),
                    s.until() == null ? "" : str(s.until()))));
            List<String> notes = new ArrayList<>();
            notes.add("source: " + serving.source());
            if (serving.note() != null) {
                notes.add(serving.note());
            }
            sections.add(new Section("Serving when the decision was made", List.of(), new Table(List.of("endpoint", "model version", "from", "until"), rows), notes));
        }
        RunDetails run = r.trainingRun();
        if (run != null) {
            RunDetails.Code c = run.code();
            RunDetails.EnvironmentDetails e = run.environment();
            sections.add(new Section("Training run", fields("run", run.id(), "job", run.job(), "state", run.state(), "started", str(run.startTime()),
                    "ended", str(run.endTime()), "code", c == null ? null : join(" ", c.repoUrl() != null ? c.repoUrl() : c.url(), c.path()),
                    "commit", c == null ? null : c.commit() + (Boolean.TRUE.equals(c.uncommittedChanges()) ? " (with uncommitted changes)" : ""),
                    "environment", e == null ? null : join(" ", e.runtime(), e.runtimeVersion(), e.os()),
                    "image", e == null || e.containerImage() == null ? null : e.containerImage() + (e.imageDigest() == null ? "" : " @ " + e.imageDigest()),
                    "GPUs", e == null || e.gpus() == null || e.gpus().isEmpty() ? null : e.gpus().stream().map(g -> String.valueOf(g.get("model"))).collect(Collectors.joining(", ")),
                    "packages", e == null || e.packages() == null ? null : e.packages().size() + " recorded",
                    "parameters", run.parameters().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(", ")),
                    "final metrics", RunReader.finalMetrics(run.metrics()).entrySet().stream()
                            .map(m -> m.getKey() + "=" + m.getValue()).collect(Collectors.joining(", "))), null, List.of()));
        }
        List<List<String>> data = new ArrayList<>();
        (r.data() == null ? Map.<String, List<RunDetails.DataRef>>of() : r.data()).forEach((role, refs) -> refs.forEach(ref ->
                data.add(List.of(role, ref.dataset(), nz(ref.datasetVersion()), nz(ref.writtenBy())))));
        sections.add(new Section("Data it was trained on", List.of(), new Table(List.of("role", "dataset", "version", "written by"), data),
                data.isEmpty() ? List.of("no training data recorded") : List.of()));
        List<List<String>> upstream = new ArrayList<>();
        for (Provenance.UpstreamStep s : r.upstream() == null ? List.<Provenance.UpstreamStep>of() : r.upstream()) {
            upstream.add(List.of(String.valueOf(s.depth()), nz(s.dataset().datasetVersion() != null ? s.dataset().datasetVersion() : s.dataset().dataset()),
                    nz(s.writtenByRun()), nz(s.job()), s.code() == null ? "" : nz(s.code().commit())));
        }
        sections.add(new Section("Upstream", List.of(), new Table(List.of("depth", "dataset version", "written by run", "job", "commit"), upstream),
                r.partial() ? List.of("partial: " + r.partialReason()) : List.of()));
        List<List<String>> drift = new ArrayList<>();
        for (AlertView a : r.driftAtDecision()) {
            drift.add(List.of(a.severity(), a.feature(), a.metric(), String.format("%.4f", a.value()), String.format("%.4f", a.threshold()), str(a.openedAt())));
        }
        sections.add(new Section("Drift when the decision was made", List.of(), new Table(List.of("severity", "feature", "metric", "value", "threshold", "open since"), drift),
                drift.isEmpty() ? List.of("no drift alert was open on this model version at " + d.decisionTime()) : List.of()));
        List<List<String>> reads = new ArrayList<>();
        if (r.accessedBy() != null) {
            r.accessedBy().forEach(a -> reads.add(List.of(str(a.time()), a.principal(), a.service(), a.method() + " " + a.path(), String.valueOf(a.status()))));
        }
        sections.add(new Section("Who read this decision", List.of(), r.accessedBy() == null ? null
                : new Table(List.of("time", "principal", "service", "request", "status"), reads), List.of(r.accessNote())));
        if (r.redacted() != null && r.redacted().nodes() > 0) {
            sections.add(new Section("Redacted", List.of(), null, List.of(r.redacted().note())));
        }
        String subtitle = "Generated " + r.generatedAt() + " by " + r.generatedBy() + (r.asOf() == null ? "" : ", the graph as of " + r.asOf());
        return new ReportDocument("Compliance report: decision " + d.decisionId(), subtitle, sections);
    }

    /** Label/value pairs, without those that have no value. */
    private static List<Field> fields(String... pairs) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                fields.add(new Field(pairs[i], pairs[i + 1]));
            }
        }
        return fields;
    }

    private static String join(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
