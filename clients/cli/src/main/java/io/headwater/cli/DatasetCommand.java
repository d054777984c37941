package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.cli.api.QueryApi;
import io.headwater.cli.print.DatasetPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Map;

@Command(name = "dataset", description = "One dataset: owners, tags, schema, the jobs around it (declared and observed) and its latest versions with row counts and quality.")
final class DatasetCommand extends ApiCommand {

    @Parameters(paramLabel = "DATASET", description = "a dataset id, or another of its names, e.g. dataset:hdfs://host:/user/hive/warehouse/t1")
    String dataset;

    @Option(names = "--versions", paramLabel = "N", defaultValue = "10", description = "latest versions to list (default ${DEFAULT-VALUE})")
    int versions;

    @Override
    JsonNode ask(QueryApi api) {
        return api.get("/api/v1/datasets", Map.of("nodeId", dataset, "versions", String.valueOf(versions)));
    }

    @Override
    void print(JsonNode answer, PrintStream out) {
        DatasetPrinter.dataset(answer, out);
    }
}
