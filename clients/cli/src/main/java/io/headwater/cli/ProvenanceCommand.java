package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.ProvenancePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "provenance", description = "Which data, code and environment produced a decision: its model version, training run "
        + "and the data upstream, as a tree.")
final class ProvenanceCommand extends ApiCommand {

    @Parameters(paramLabel = "DECISION-ID", description = "the decision's id, as its sender gave it")
    String decisionId;

    @Option(names = "--as-of", paramLabel = "T", description = "ISO-8601 instant: the graph as it was known then")
    String asOf;

    @Option(names = "--depth", paramLabel = "N", description = "dataset versions to follow upstream of the training data (default 20)")
    Integer depth;

    @Override
    JsonNode ask(QueryApi api) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("asOf", asOf);
        query.put("depth", depth == null ? null : depth.toString());
        return api.get("/api/v1/decisions/" + QueryApi.encode(decisionId) + "/provenance", query);
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        ProvenancePrinter.provenance(answer, out);
    }
}
