package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a dataset: what it is, who owns it, its columns, the jobs around it and its versions with what was measured. */
public final class DatasetPrinter {

    private DatasetPrinter() {
    }

    public static void dataset(JsonNode d, PrintStream out) {
        out.println(d.path("nodeId").asText() + "  (" + d.path("type").asText() + (d.has("datasetType") ? ", " + d.get("datasetType").asText() : "") + ")");
        line(out, "description", d.path("description").asText(""));
        line(out, "owners", joined(d.path("owners")));
        line(out, "tags", joined(d.path("tags")));
        line(out, "also named", joined(d.path("aliases")));
        if (d.has("catalog")) {
            line(out, "catalog", d.at("/catalog/catalogFramework").asText("") + " " + d.at("/catalog/catalogName").asText(""));
        }
        if (d.path("fields").size() > 0) {
            out.println();
            Table fields = new Table("column", "type", "tags", "description");
            d.path("fields").forEach(f -> fields.row(f.path("name").asText(), f.path("type").asText(""), joined(f.path("tags")), f.path("description").asText("")));
            fields.print(out, "  ");
        }
        if (d.path("writtenBy").size() + d.path("readBy").size() > 0) {
            out.println();
            Table jobs = new Table("job", "", "lineage");
            d.path("writtenBy").forEach(j -> jobs.row(j.path("job").asText(), "writes", how(j)));
            d.path("readBy").forEach(j -> jobs.row(j.path("job").asText(), "reads", how(j)));
            jobs.print(out, "  ");
        }
        out.println();
        if (d.path("versions").isEmpty()) {
            out.println("  No version written yet.");
        } else {
            Table versions = new Table("version", "written", "by", "rows", "bytes", "files", "assertions");
            d.path("versions").forEach(v -> versions.row(v.path("version").asText(), v.path("createdAt").asText(""), v.path("writtenBy").asText(""),
                    number(v, "rowCount"), number(v, "bytes"), number(v, "fileCount"), assertions(v)));
            versions.print(out, "  ");
        }
        List<String> readers = new ArrayList<>();
        d.path("versions").forEach(v -> v.path("measuredByReaders").forEach(r -> readers.add("  " + v.path("version").asText() + " read by " + measure(r))));
        d.path("measuredReadsWithoutVersion").forEach(r -> readers.add("  (no version known) read by " + measure(r)));
        if (!readers.isEmpty()) {
            out.println();
            out.println("What readers measured:");
            readers.forEach(out::println);
        }
    }

    private static String measure(JsonNode r) {
        StringBuilder s = new StringBuilder(r.path("run").asText());
        if (r.has("rowCount")) {
            s.append(": ").append(r.get("rowCount").asLong()).append(" rows");
        }
        String assertions = assertions(r);
        if (!assertions.isEmpty()) {
            s.append(r.has("rowCount") ? ", " : ": ").append(assertions);
        }
        if (r.has("failedAssertions")) {
            s.append(" (failed: ").append(joined(r.get("failedAssertions"))).append(")");
        }
        return s.toString();
    }

    private static String how(JsonNode link) {
        List<String> how = new ArrayList<>();
        if (link.path("declared").asBoolean(false)) {
            how.add("declared");
        }
        if (link.path("observed").asBoolean(false)) {
            how.add("observed");
        }
        return how.isEmpty() ? "" : String.join(" + ", how) + (how.size() == 1 && how.get(0).equals("declared") ? " (no run seen)" : "");
    }

    private static String assertions(JsonNode v) {
        if (!v.has("assertionsPassed") && !v.has("assertionsFailed")) {
            return "";
        }
        return v.path("assertionsPassed").asLong() + " passed, " + v.path("assertionsFailed").asLong() + " failed";
    }

    private static String number(JsonNode v, String field) {
        return v.has(field) ? String.valueOf(v.get(field).asLong()) : "";
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    private static void line(PrintStream out, String label, String value) {
        if (!value.isBlank()) {
            out.printf("  %-12s %s%n", label, value);
        }
    }
}
