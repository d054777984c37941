package io.headwater.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** The running platform's HTTP endpoints, as the demo uses them. */
final class Platform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String ingest;
    final String query;

    Platform(String ingest, String query) {
        this.ingest = ingest;
        this.query = query;
    }

    int post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    Optional<JsonNode> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(query + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    /** Polls until the answer passes the check, at most the timeout. */
    JsonNode await(String path, Predicate<JsonNode> ready, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> answer = get(path);
            if (answer.isPresent() && ready.test(answer.get())) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no answer from " + query + path + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(300);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
