package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.ComparisonPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

@Command(name = "compare", description = "Runs side by side: parameters, final metrics, code, environment, packages and data, "
        + "differences marked ≠.")
final class RunsCompareCommand extends ApiCommand {

    @ParentCommand
    RunsCommand runs;

    @Parameters(paramLabel = "RUN-ID", arity = "2..20", description = "2 to 20 run ids (UUIDs, with or without run:)")
    List<String> ids;

    @Option(names = "--all-packages", description = "also the packages every run had in the same version")
    boolean allPackages;

    @Override
    PrintStream out() {
        return runs.top.out;
    }

    @Override
    JsonNode ask(QueryApi api) {
        List<String> bare = ids.stream().map(id -> id.startsWith("run:") ? id.substring(4) : id).toList();
        return api.get("/api/v1/runs/compare", Map.of("ids", String.join(",", bare)));
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        ComparisonPrinter.comparison(answer, allPackages, out);
    }
}
