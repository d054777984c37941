package io.headwater.query.reports;

import io.headwater.query.api.AlertView;
import io.headwater.query.api.DecisionReport;
import io.headwater.query.reports.ReportDocument.Section;
import io.headwater.query.reports.ReportDocument.Table;

import java.util.ArrayList;
import java.util.List;

import static io.headwater.query.reports.ReportSections.fields;
import static io.headwater.query.reports.ReportSections.str;

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
                "received", str(d.receivedAt()), "model version", d.modelVersionId(), "reproduce", d.reproduce()), null, List.of()));
        var mv = r.modelVersion();
        if (mv != null) {
            sections.add(ReportSections.modelVersion(mv));
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
        if (r.trainingRun() != null) {
            sections.add(ReportSections.trainingRun(r.trainingRun()));
        }
        sections.add(ReportSections.data("Data it was trained on", r.data()));
        sections.add(ReportSections.upstream(r.upstream(), r.partial(), r.partialReason()));
        List<List<String>> drift = new ArrayList<>();
        for (AlertView a : r.driftAtDecision()) {
            drift.add(ReportSections.alertRow(a));
        }
        sections.add(new Section("Drift when the decision was made", List.of(), new Table(List.of("severity", "feature", "metric", "value", "threshold", "open since"), drift),
                drift.isEmpty() ? List.of("no drift alert was open on this model version at " + d.decisionTime()) : List.of()));
        sections.add(ReportSections.validations(r.validations(), "no validation of this model version had ended when the decision was made"));
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
}
