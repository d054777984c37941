package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;

/** Prints everything downstream of a node: jobs, runs, dataset versions, model versions and the decisions they made. */
public final class ImpactPrinter {

    private ImpactPrinter() {
    }

    public static void impact(JsonNode impact, PrintStream out) {
        out.println("Downstream of " + impact.path("nodeId").asText() + ":");
        list("jobs", impact.path("jobs"), out);
        out.println("  runs: " + impact.path("runCount").asInt());
        list("dataset versions written", impact.path("datasetVersions"), out);
        out.println("  model versions trained: " + impact.path("modelVersions").size());
        for (JsonNode version : impact.path("modelVersions")) {
            out.println("    • " + version.path("id").asText() + "  " + version.path("decisionCount").asLong() + " decisions");
        }
        out.println("  decisions made by them: " + impact.path("decisionCount").asLong());
        if (impact.path("partial").asBoolean()) {
            out.println("  (partial: " + impact.path("partialReason").asText() + ")");
        }
    }

    private static void list(String label, JsonNode items, PrintStream out) {
        out.println("  " + label + ": " + items.size());
        items.forEach(item -> out.println("    • " + item.asText()));
    }
}
