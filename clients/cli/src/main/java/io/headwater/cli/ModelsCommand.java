package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.ModelsPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "models", description = "The model inventory: every version, the run that trained it, its decisions and open alerts.")
final class ModelsCommand extends ApiCommand {

    @Option(names = "--severity", description = "only versions with an open alert of this severity or worse: WARN or ALERT")
    String severity;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "models at most (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    JsonNode ask(QueryApi api) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(limit));
        query.put("severity", severity);
        return api.get("/api/v1/models", query);
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        ModelsPrinter.models(answer, out);
    }
}
