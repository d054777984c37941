package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.ComparisonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

@Command(name = "compare", description = "Runs side by side: parameters, final metrics, code, environment, packages and data, "
        + "differences marked ≠.")
final class RunsCompareCommand extends ApiCommand {

    @Parameters(paramLabel = "RUN-ID", arity = "2..20", description = "2 to 20 run ids (UUIDs, with or without run:)")
    List<String> ids;

    @Option(names = "--all-packages", description = "also the packages every run had in the same version")
    boolean allPackages;

    @Override
    JsonNode ask(QueryApi api) {
        // The API takes either form of a run's id: the bare uuid or its node id.
        return api.get("/api/v1/runs/compare", Map.of("ids", String.join(",", ids)));
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        ComparisonPrinter.comparison(answer, allPackages, out);
    }
}
