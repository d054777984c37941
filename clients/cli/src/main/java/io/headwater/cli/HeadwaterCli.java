package io.headwater.cli;

import io.headwater.cli.api.QueryApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code ./headwater provenance|lineage|runs|impact|models|alerts}: the questions people ask most, answered by a running
 * platform's query API and printed as trees and tables ({@code --json} for scripts).
 */
@Command(name = "headwater", mixinStandardHelpOptions = true, version = "headwater 0.1.0",
        description = "Ask a running Headwater platform, and read the answer.",
        subcommands = {ProvenanceCommand.class, LineageCommand.class, DatasetCommand.class, RunsCommand.class, ImpactCommand.class, ModelsCommand.class,
                AlertsCommand.class},
        footer = {"", "Credentials: HEADWATER_API_KEY (a key or JWT with the reader role), else --key-file; ./headwater passes the "
                + "dev stack's reader key. HEADWATER_URL: query-service (default http://127.0.0.1:8080)."})
public final class HeadwaterCli {

    final PrintStream out;

    HeadwaterCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs one command line; the exit status: 0 answered, 1 refused or failed (said on err), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new HeadwaterCli(out));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof QueryApi.ApiException) {
                err.println("headwater: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
