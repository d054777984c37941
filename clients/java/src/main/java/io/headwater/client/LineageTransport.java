package io.headwater.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs events to ingest's {@code /api/v1/lineage}. An event ingest cannot take now (unreachable,
 * 5xx, timeout) goes to {@code events.ndjson} in the spool directory and is sent, in order, before
 * the next event or by {@link #flush()}; one it refuses as invalid (4xx) is logged with Headwater's
 * explanation and kept in {@code rejected.ndjson}, never retried. Nothing here throws.
 */
public class LineageTransport {

    private static final Logger LOG = Logger.getLogger("io.headwater.client");

    enum Outcome { SENT, RETRY, REJECTED }

    private final ClientConfig config;
    private final HttpClient http;

    public LineageTransport(ClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** True when ingest acknowledged the event (Kafka has it). */
    public synchronized boolean emit(String eventJson) {
        if (!flushLocked()) {
            append("events.ndjson", eventJson);
            return false;
        }
        Outcome outcome = post(eventJson);
        if (outcome == Outcome.RETRY) {
            append("events.ndjson", eventJson);
        }
        return outcome == Outcome.SENT;
    }

    /** Sends what the spool holds; true when it is empty afterwards. */
    public synchronized boolean flush() {
        return flushLocked();
    }

    public synchronized int pending() {
        try {
            return (int) Files.readAllLines(spoolFile()).stream().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            return 0;
        }
    }

    Path spoolFile() {
        return config.spoolDir().resolve("events.ndjson");
    }

    private boolean flushLocked() {
        List<String> lines;
        try {
            lines = Files.readAllLines(spoolFile()).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            LOG.warning("headwater: cannot read the spool " + spoolFile() + ": " + e.getMessage());
            return true;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (post(lines.get(i)) == Outcome.RETRY) {
                rewrite(lines.subList(i, lines.size()));
                return false;
            }
        }
        rewrite(List.of());
        return true;
    }

    Outcome post(String eventJson) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url() + "/api/v1/lineage")).timeout(config.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(eventJson));
        if (config.apiKey() != null) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Outcome.SENT;
            }
            if (status / 100 == 4 && status != 408 && status != 429) {
                LOG.severe("headwater: ingest refused an event (HTTP " + status + "): " + response.body());
                append("rejected.ndjson", eventJson);
                return Outcome.REJECTED;
            }
            LOG.warning("headwater: ingest answered HTTP " + status + "; the event is spooled and will be resent");
            return Outcome.RETRY;
        } catch (IOException e) {
            LOG.warning("headwater: ingest at " + config.url() + " unreachable (" + e.getMessage() + "); the event is spooled to "
                    + spoolFile() + " and will be resent");
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        }
    }

    private void append(String file, String line) {
        try {
            Files.createDirectories(config.spoolDir());
            Files.writeString(config.spoolDir().resolve(file), line.replace("\n", " ") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "headwater: cannot write " + file + " in " + config.spoolDir() + "; an event is lost", e);
        }
    }

    private void rewrite(List<String> lines) {
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(spoolFile());
                return;
            }
            Path tmp = spoolFile().resolveSibling("events.ndjson.tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, spoolFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.severe("headwater: cannot rewrite the spool " + spoolFile() + ": " + e.getMessage());
        }
    }
}
