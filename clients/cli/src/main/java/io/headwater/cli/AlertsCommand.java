package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.AlertPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "alerts", description = "Drift and quality alerts, grouped by model version.")
final class AlertsCommand extends ApiCommand {

    @Option(names = "--model", description = "one model only")
    String model;

    @Option(names = "--version", description = "one version of --model only")
    String version;

    @Option(names = "--state", description = "OPEN or RESOLVED (default: both)")
    String state;

    @Option(names = "--since", paramLabel = "T", description = "ISO-8601 instant: alerts updated since")
    String since;

    @Override
    JsonNode ask(QueryApi api) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("model", model);
        query.put("version", version);
        query.put("state", state);
        query.put("since", since);
        return api.get("/api/v1/alerts", query);
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        AlertPrinter.grouped(answer, out);
    }
}
