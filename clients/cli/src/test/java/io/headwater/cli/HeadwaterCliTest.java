package io.headwater.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's side of the conversation, against a local HTTP server that records what it was asked: what goes on the wire
 * (paths, encoded ids, the key) and how refusals read. What it prints on real answers is checked on a running platform
 * (DemoIT).
 */
class HeadwaterCliTest {

    private HttpServer server;
    private final List<String> asked = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private int status = 200;
    private String body = "{}";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return HeadwaterCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aNodeIdIsSentWhole() {
        body = "{\"graph\":[]}";
        assertThat(cli("lineage", "dataset:file:/data/orders#v 1", "--depth", "3", "--direction", "upstream")).isZero();
        assertThat(asked).containsExactly("/api/v1/lineage?nodeId=dataset%3Afile%3A%2Fdata%2Forders%23v%201&depth=3&direction=upstream");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dataset:file:/data/orders#v 1: not in the graph");
    }

    @Test
    void runsAreComparedByTheIdsGiven() {
        body = "{\"runs\":[],\"differences\":0}";
        assertThat(cli("runs", "compare", "run:0b1", "0b2")).as(err::toString).isZero();
        assertThat(asked).containsExactly("/api/v1/runs/compare?ids=run%3A0b1%2C0b2");
    }

    @Test
    void jsonPrintsTheAnswerAsItCame() {
        body = "{\"decision\":{\"decisionId\":\"d 1\"}}";
        assertThat(cli("provenance", "d 1", "--as-of", "2026-01-01T00:00:00Z", "--json")).isZero();
        assertThat(asked).containsExactly("/api/v1/decisions/d%201/provenance?asOf=2026-01-01T00%3A00%3A00Z");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"decisionId\" : \"d 1\"");
    }

    @Test
    void aKeyFromItsFileGoesAsABearerToken() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("reader", ".key");
        java.nio.file.Files.writeString(file, "hw_reader_123\n");
        body = "[]";
        assertThat(cli("models", "--key-file", file.toString())).isZero();
        assertThat(authorizations).containsExactly("Bearer hw_reader_123");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No models yet.");
    }

    @Test
    void aRefusalSaysWhatToDo() {
        status = 401;
        body = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"an API key or JWT is needed\"}";
        assertThat(cli("alerts")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("headwater: 401 Unauthorized: an API key or JWT is needed (no valid key: set HEADWATER_API_KEY");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noPlatformIsSaidInWords() {
        server.stop(0);
        assertThat(cli("models")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no query-service answers at").contains("./headwater up");
    }

    @Test
    void aMisusedCommandShowsItsUsage() {
        assertThat(cli("runs", "compare", "only-one")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: headwater runs compare");
        assertThat(asked).isEmpty();
    }
}
