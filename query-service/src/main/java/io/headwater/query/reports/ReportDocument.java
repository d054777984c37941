package io.headwater.query.reports;

import java.util.List;

/**
 * A report as a document, before it is HTML or PDF: a title and sections, each with labelled values, an
 * optional table and notes. Both renderers print the same document, so the two never say different things.
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {

    public record Section(String heading, List<Field> fields, Table table, List<String> notes) {

        public Section {
            fields = List.copyOf(fields);
            notes = List.copyOf(notes);
        }
    }

    public record Field(String label, String value) {
    }

    public record Table(List<String> header, List<List<String>> rows) {
    }
}
