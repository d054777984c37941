package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.LineagePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "lineage", description = "What a dataset or job came from and what came from it, as trees.")
final class LineageCommand extends ApiCommand {

    enum Direction { upstream, downstream, both }

    @Parameters(paramLabel = "NODE", description = "a node id, e.g. dataset:file:/data/orders or job:spark:etl.daily (a '#' needs no escaping here)")
    String node;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "20", description = "edges to follow from the node (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--direction", defaultValue = "both", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Direction direction;

    @Option(names = "--as-of", paramLabel = "T", description = "ISO-8601 instant: the graph as it was known then")
    String asOf;

    @Override
    JsonNode ask(QueryApi api) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("nodeId", node);
        query.put("depth", String.valueOf(depth));
        query.put("direction", direction.name());
        query.put("asOf", asOf);
        return api.get("/api/v1/lineage", query);
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        LineagePrinter.lineage(node, direction.name(), answer, out);
    }
}
