package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.ImpactPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Map;

@Command(name = "impact", description = "Everything downstream of a node: jobs, runs, dataset versions, model versions and their decisions.")
final class ImpactCommand extends ApiCommand {

    @Parameters(paramLabel = "NODE", description = "any node id, e.g. a dataset version dataset:file:/data/orders#<version>")
    String node;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "50", description = "steps to follow downstream (default ${DEFAULT-VALUE})")
    int depth;

    @Override
    JsonNode ask(QueryApi api) {
        return api.get("/api/v1/impact", Map.of("nodeId", node, "depth", String.valueOf(depth)));
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        ImpactPrinter.impact(answer, out);
    }
}
