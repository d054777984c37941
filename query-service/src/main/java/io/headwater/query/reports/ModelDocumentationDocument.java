package io.headwater.query.reports;

import io.headwater.query.api.AlertView;
import io.headwater.query.api.ModelDocumentation;
import io.headwater.query.api.RunComparison;
import io.headwater.query.reports.ReportDocument.Section;
import io.headwater.query.reports.ReportDocument.Table;

import java.util.ArrayList;
import java.util.List;

/** What a model version's technical documentation says, in the order of Annex IV 2(d) and 2(g). */
public final class ModelDocumentationDocument {

    private ModelDocumentationDocument() {
    }

    public static ReportDocument of(ModelDocumentation m) {
        List<Section> sections = new ArrayList<>();
        sections.add(ReportSections.modelVersion(m.modelVersion()));
        if (m.trainingRun() != null) {
            sections.add(ReportSections.trainingRun(m.trainingRun()));
        }
        sections.add(ReportSections.data("Training, validation and test data", m.data()));
        sections.add(ReportSections.upstream(m.upstream(), m.partial(), m.partialReason()));
        sections.add(ReportSections.validations(m.validations(), "no run read this model version in the validation role"));
        RunComparison changes = m.changesFromPrevious();
        if (changes == null) {
            sections.add(new Section("Changes from the previous version", List.of(), null,
                    List.of(m.previousVersion() == null ? "this is the model's first version" : "the previous version " + m.previousVersion() + " has no known training run")));
        } else {
            List<List<String>> rows = new ArrayList<>();
            addDiffering(rows, "parameter", changes.parameters());
            addDiffering(rows, "metric", changes.metrics());
            addDiffering(rows, "code", changes.code());
            addDiffering(rows, "environment", changes.environment());
            addDiffering(rows, "package", changes.packages());
            addDiffering(rows, "data", changes.data());
            sections.add(new Section("Changes from the previous version", ReportSections.fields("previous version", m.previousVersion(),
                    "differences", String.valueOf(changes.differences())), new Table(List.of("what", "name", "previous", "this version"), rows), List.of()));
        }
        List<List<String>> alerts = new ArrayList<>();
        for (AlertView a : m.alerts()) {
            List<String> row = new ArrayList<>(ReportSections.alertRow(a));
            row.add(a.state());
            alerts.add(row);
        }
        sections.add(new Section("Drift alerts, open and past", List.of(), new Table(List.of("severity", "feature", "metric", "value", "threshold", "opened", "state"), alerts),
                alerts.isEmpty() ? List.of("no drift alert was raised on this model version") : List.of()));
        if (m.redacted() != null && m.redacted().nodes() > 0) {
            sections.add(new Section("Redacted", List.of(), null, List.of(m.redacted().note())));
        }
        String subtitle = "Generated " + m.generatedAt() + " by " + m.generatedBy() + (m.asOf() == null ? "" : ", the graph as of " + m.asOf());
        return new ReportDocument("Technical documentation: " + m.modelVersion().id(), subtitle, sections);
    }

    private static void addDiffering(List<List<String>> rows, String what, List<RunComparison.Row> compared) {
        for (RunComparison.Row row : compared == null ? List.<RunComparison.Row>of() : compared) {
            if (row.differs()) {
                rows.add(List.of(what, row.name(), value(row.values(), 0), value(row.values(), 1)));
            }
        }
    }

    private static String value(List<Object> values, int i) {
        return values.size() > i && values.get(i) != null ? String.valueOf(values.get(i)) : "";
    }
}
