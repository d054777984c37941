package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/** Prints drift and quality alerts for people, grouped by model version. */
public final class AlertPrinter {

    private AlertPrinter() {
    }

    /** One alert as a sentence, and where its model version's provenance is. */
    public static void alert(JsonNode alert, PrintStream out) {
        out.printf("Drift alert on %s version %s: %s of %s is %.3f (threshold %.3f), %s, %s since the window %s – %s%n",
                alert.path("modelName").asText(), alert.path("modelVersion").asText(), alert.path("metric").asText(), alert.path("feature").asText(),
                alert.path("value").asDouble(), alert.path("threshold").asDouble(), alert.path("severity").asText(), alert.path("state").asText(),
                alert.path("windowStart").asText(), alert.path("windowEnd").asText());
        out.println("  → provenance of the model version: " + alert.path("provenanceUrl").asText());
    }

    /** Alerts under their model version, each as one line of a table. */
    public static void grouped(JsonNode alerts, PrintStream out) {
        if (alerts.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        Map<String, List<JsonNode>> byVersion = new LinkedHashMap<>();
        alerts.forEach(a -> byVersion.computeIfAbsent(a.path("modelName").asText() + " version " + a.path("modelVersion").asText(),
                v -> new ArrayList<>()).add(a));
        byVersion.forEach((version, list) -> {
            out.println("Model " + version + " (" + list.size() + (list.size() == 1 ? " alert" : " alerts") + ", trained by "
                    + list.get(0).path("trainingRun").asText("?") + ")");
            Table table = new Table("state", "severity", "metric", "feature", "value", "threshold", "window", "updated");
            for (JsonNode a : list) {
                table.row(a.path("state").asText(), a.path("severity").asText(), a.path("metric").asText(), a.path("feature").asText(),
                        String.format("%.3f", a.path("value").asDouble()), String.format("%.3f", a.path("threshold").asDouble()),
                        a.path("windowStart").asText() + " – " + a.path("windowEnd").asText(), a.path("updatedAt").asText());
            }
            table.print(out, "  ");
            out.println("  → " + list.get(0).path("uiUrl").asText(list.get(0).path("provenanceUrl").asText()));
        });
    }
}
