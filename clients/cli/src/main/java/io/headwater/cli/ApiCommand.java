package io.headwater.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.headwater.cli.api.QueryApi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** A command that asks the query API once and prints the answer for people, or as JSON with --json. */
abstract class ApiCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    /** The stream the answer goes to: the top command's. */
    private PrintStream out() {
        return ((HeadwaterCli) spec.root().userObject()).out;
    }

    abstract JsonNode ask(QueryApi api);

    abstract void print(JsonNode answer, PrintStream out);

    @Override
    public Integer call() throws Exception {
        JsonNode answer = ask(options.api());
        if (options.json) {
            out().println(JSON.writeValueAsString(answer));
        } else {
            print(answer, out());
        }
        return 0;
    }
}
