package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Prints a decision's provenance answer for people: the model version, its training run, and the data upstream as a tree. */
public final class ProvenancePrinter {

    private ProvenancePrinter() {
    }

    public static void provenance(JsonNode p, PrintStream out) {
        JsonNode d = p.get("decision");
        out.println("Decision " + d.get("decisionId").asText() + " (" + d.get("decisionTime").asText() + "): " + d.get("output"));
        JsonNode mv = p.get("modelVersion");
        JsonNode run = p.get("trainingRun");
        out.println("└─ made by model " + mv.get("name").asText() + " version " + mv.get("version").asText()
                + " (" + mv.path("decisionCount").asLong() + " decisions so far)");
        out.println("   └─ trained by " + run.get("id").asText() + ", " + run.path("state").asText() + " at " + run.path("endTime").asText());
        JsonNode code = run.path("code");
        if (!code.isMissingNode()) {
            out.println("      ├─ code:        " + code.path("repoUrl").asText(code.path("url").asText("?")) + " @ " + shortCommit(code.path("commit").asText("?"))
                    + (code.has("path") ? "  " + code.get("path").asText() : "")
                    + (code.path("uncommittedChanges").asBoolean() ? "  (with uncommitted changes)" : ""));
        }
        JsonNode env = run.path("environment");
        if (!env.isMissingNode()) {
            List<String> gpus = new ArrayList<>();
            env.path("gpus").forEach(g -> gpus.add(g.path("model").asText()));
            out.println("      ├─ environment: " + env.path("runtime").asText() + " " + env.path("runtimeVersion").asText() + ", "
                    + env.path("packages").size() + " packages, " + (gpus.isEmpty() ? "no GPU" : "GPU " + String.join(", ", gpus))
                    + (env.has("imageDigest") ? ", image " + env.path("containerImage").asText() + "@" + env.get("imageDigest").asText() : ""));
        }
        out.println("      ├─ parameters:  " + inline(run.path("parameters")));
        out.println("      ├─ metrics:     " + finalMetrics(run.path("metrics")));
        Iterator<Map.Entry<String, JsonNode>> roles = p.path("data").fields();
        while (roles.hasNext()) {
            Map.Entry<String, JsonNode> role = roles.next();
            for (JsonNode data : role.getValue()) {
                out.println("      ├─ " + pad(role.getKey() + " data:") + data.path("datasetVersion").asText(data.path("dataset").asText())
                        + (data.has("writtenBy") ? "  written by " + data.get("writtenBy").asText() : ""));
            }
        }
        out.println("      └─ upstream, dataset version by dataset version:");
        Map<String, JsonNode> steps = new java.util.HashMap<>();
        p.path("upstream").forEach(step -> steps.put(key(step.get("dataset")), step));
        java.util.Set<String> printed = new java.util.HashSet<>();
        for (JsonNode input : run.path("inputs")) {
            tree(key(input), steps, printed, "           ", out);
        }
        if (p.path("partial").asBoolean()) {
            out.println("   (partial: " + p.path("partialReason").asText() + ")");
        }
    }

    /** One dataset version, the job that wrote it, and what that job read, indented below it. */
    private static void tree(String id, Map<String, JsonNode> steps, java.util.Set<String> printed, String indent, PrintStream out) {
        JsonNode step = steps.get(id);
        boolean again = !printed.add(id);
        out.println(indent + "• " + id + (step != null && step.has("job") ? "  ← " + step.get("job").asText() : "") + (again ? "  (see above)" : ""));
        if (step == null || again) {
            return;
        }
        for (JsonNode input : step.path("inputs")) {
            tree(key(input), steps, printed, indent + "    ", out);
        }
    }

    private static String key(JsonNode data) {
        return data.path("datasetVersion").asText(data.path("dataset").asText());
    }

    private static String finalMetrics(JsonNode metrics) {
        Map<String, String> last = new java.util.TreeMap<>();
        metrics.forEach(m -> last.put(m.get("name").asText(), String.format("%.3f", m.get("value").asDouble())));
        return last.toString().replaceAll("[{}]", "");
    }

    private static String inline(JsonNode object) {
        List<String> parts = new ArrayList<>();
        object.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(", ", parts);
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String pad(String label) {
        return String.format("%-15s", label);
    }
}
