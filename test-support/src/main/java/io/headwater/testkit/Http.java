package io.headwater.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one HTTP client of the tests, the demo and the benchmarks' checks: JSON in, a {@link Response}
 * out, failures as unchecked exceptions so a test reads as the calls it makes. (Timed benchmark
 * requests keep their own client, whose connections they measure.)
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    /** Sent with every request unless the call gives its own Authorization header; null: none. */
    private final String authorization;

    public Http() {
        this(Duration.ofSeconds(5));
    }

    public Http(Duration connectTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).build(), null);
    }

    private Http(HttpClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    /** The same client, sending {@code authorization} (e.g. {@code Bearer <key>}; null for none) with every request. */
    public Http withAuthorization(String authorization) {
        return new Http(client, authorization);
    }

    public Response get(String url) {
        return send("GET", url, null);
    }

    public Response post(String url, String json) {
        return send("POST", url, json);
    }

    /** @param headers name, value, name, value, ... */
    public Response send(String method, String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        boolean typed = false;
        boolean authorized = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (authorization != null && !authorized) {
            request.header("Authorization", authorization);
        }
        if (json != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + url, response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    /** GETs a binary answer (a PDF) that must come with the expected status; its bytes. */
    public byte[] bytes(String url, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ", expected " + expected + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }

    /** Polls a URL until it answers 200 with JSON that passes the check; the last answer in the failure otherwise. */
    public JsonNode await(String url, Predicate<JsonNode> ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(url);
                if (last.status() == 200 && ready.test(last.json())) {
                    return last.json();
                }
            } catch (UncheckedIOException e) {
                // not up yet
            }
            sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no ready answer from " + url + " within " + timeout.toSeconds() + " s; last: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    /** A value as a query parameter. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A value as one path segment ({@code %20} for a space, as a path wants). */
    public static String pathSegment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, body and headers. */
    public record Response(String request, int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(request + " answered no JSON: " + body, e);
            }
        }

        /** This answer, if its status is the expected one; an AssertionError naming the request and body if not. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + " answered " + status + ", expected " + expected + ": " + body);
            }
            return this;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }
}
