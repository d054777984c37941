package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints runs side by side: one row per parameter, metric, code coordinate, environment property, package and dataset. */
public final class ComparisonPrinter {

    private static final List<String> SECTIONS = List.of("parameters", "metrics", "code", "environment", "packages", "data");

    private ComparisonPrinter() {
    }

    /**
     * Rows that differ are marked with {@code ≠}. Packages, often hundreds, are shown only where they differ unless
     * {@code allPackages}; what was left out is counted below the table.
     */
    public static void comparison(JsonNode comparison, boolean allPackages, PrintStream out) {
        List<String> runs = new ArrayList<>();
        comparison.path("runs").forEach(r -> runs.add(r.asText()));
        List<String> header = new ArrayList<>(List.of("", "section", "name"));
        runs.forEach(r -> header.add(shortRun(r)));
        Table table = new Table(header.toArray(String[]::new));
        int hidden = 0;
        for (String section : SECTIONS) {
            for (JsonNode row : comparison.path(section)) {
                boolean differs = row.path("differs").asBoolean();
                if (section.equals("packages") && !differs && !allPackages) {
                    hidden++;
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(differs ? "≠" : "", section, row.path("name").asText()));
                for (int i = 0; i < runs.size(); i++) {
                    JsonNode value = row.path("values").path(i);
                    cells.add(cell(value));
                }
                table.row(cells.toArray(String[]::new));
            }
        }
        out.println("Runs compared: " + String.join(", ", runs));
        table.print(out, "");
        int differences = comparison.path("differences").asInt();
        out.println(differences + (differences == 1 ? " difference" : " differences") + " (≠)"
                + (hidden > 0 ? "; " + hidden + " identical packages not shown (--all-packages shows them)" : ""));
    }

    /** A metric such as 0.7364322916666667 reads as 0.7364; --json keeps every digit. */
    static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "–";
        }
        if (value.isFloatingPointNumber() && Double.isFinite(value.asDouble())) {
            return new java.math.BigDecimal(value.asText()).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String shortRun(String run) {
        String id = run.substring(run.lastIndexOf(':') + 1);
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
