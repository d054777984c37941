package io.headwater.cli.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;

/** Prints the model inventory: each model's versions with the run that trained them, decisions and open alerts. */
public final class ModelsPrinter {

    private ModelsPrinter() {
    }

    public static void models(JsonNode models, PrintStream out) {
        if (models.isEmpty()) {
            out.println("No models yet.");
            return;
        }
        Table table = new Table("model", "version", "trained by", "created", "decisions", "open alerts");
        for (JsonNode model : models) {
            for (JsonNode v : model.path("versions")) {
                String alerts = v.path("openAlerts").asInt() == 0 ? "" : v.path("openAlerts").asInt() + " (" + v.path("openSeverity").asText() + ")";
                table.row(model.path("name").asText(), v.path("version").asText(), v.path("trainingRun").asText(""), v.path("createdAt").asText(""),
                        String.valueOf(v.path("decisionCount").asLong()), alerts);
            }
        }
        table.print(out, "");
    }
}
