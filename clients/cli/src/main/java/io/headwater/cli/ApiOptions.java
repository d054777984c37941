package io.headwater.cli;

import io.headwater.cli.api.QueryApi;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the platform is, whose key asks, and whether to print JSON: the options every command shares. */
final class ApiOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:HEADWATER_URL:-http://127.0.0.1:8080}",
            description = "query-service's URL (default: HEADWATER_URL, else ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--key-file", paramLabel = "FILE", defaultValue = "${env:HEADWATER_KEY_FILE}",
            description = "a file holding the API key or JWT to ask with (default: HEADWATER_KEY_FILE); HEADWATER_API_KEY, where set, wins (a key itself is never an argument: the process list would show it)")
    Path keyFile;

    @Option(names = "--json", description = "print the API's JSON answer, for scripts")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;

    QueryApi api() {
        String key = System.getenv("HEADWATER_API_KEY");
        if ((key == null || key.isBlank()) && keyFile != null && Files.isReadable(keyFile)) {
            try {
                key = Files.readString(keyFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new QueryApi(url, key);
    }
}
