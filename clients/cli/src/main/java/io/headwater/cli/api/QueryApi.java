package io.headwater.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** A running platform's query API as the CLI asks it: GET with the caller's key, JSON back, a problem as a readable message. */
public final class QueryApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** key: an API key or JWT, or null where the platform runs in open mode. */
    public QueryApi(String base, String key) {
        this.base = base.replaceAll("/+$", "");
        this.authorization = key == null || key.isBlank() ? null : "Bearer " + key.strip();
    }

    public String base() {
        return base;
    }

    /** The answer to GET path?query (null values left out), or an ApiException saying what went wrong. */
    public JsonNode get(String path, Map<String, String> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + encode(value));
            }
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + parameters)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException("no query-service answers at " + base + " (start the platform with ./headwater up, or set HEADWATER_URL)");
        } catch (IOException e) {
            throw new ApiException("asking " + base + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(problem(response));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiException(base + path + " answered something that is not JSON: " + e.getMessage());
        }
    }

    /** A problem+json answer in words: its title and detail, and what to do about a missing or weak key. */
    private static String problem(HttpResponse<String> response) {
        int status = response.statusCode();
        String said;
        try {
            JsonNode problem = JSON.readTree(response.body());
            said = problem.path("title").asText("") + (problem.hasNonNull("detail") ? ": " + problem.get("detail").asText() : "");
        } catch (IOException | RuntimeException e) {
            said = "";
        }
        String hint = switch (status) {
            case 401 -> " (no valid key: set HEADWATER_API_KEY, or start the platform with ./headwater up, which makes the dev stack's keys)";
            case 403 -> " (the key lacks the role or namespace this needs)";
            default -> "";
        };
        return status + (said.isBlank() ? "" : " " + said) + hint;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the platform refused or could not answer, in words for the person who asked. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }
}
