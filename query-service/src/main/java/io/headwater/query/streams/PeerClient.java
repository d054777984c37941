package io.headwater.query.streams;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.query.errors.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Asks another query-service instance over its internal endpoints (answered from its local stores only), as the
 * services' own identity, within the configured timeout; a peer that does not answer is a 503 to the caller.
 */
@ApplicationScoped
// Made at start, so its metrics exist (at zero) before the first request.
@io.quarkus.runtime.Startup
public class PeerClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    /** The internal endpoints admit only the services' own identity; a user's key is refused there. */
    private final Optional<String> serviceAuthorization;

    private static final String LOOKUPS = "headwater.query.remote.lookups";

    public PeerClient(ObjectMapper json, @ConfigProperty(name = "headwater.query.remote-timeout") Duration timeout,
                      io.headwater.security.AccessSettings access) {
        this.json = json;
        this.timeout = timeout;
        this.serviceAuthorization = access.serviceAuthorization();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        for (String outcome : new String[]{"answered", "refused", "unanswered"}) {
            io.micrometer.core.instrument.Metrics.counter(LOOKUPS, "outcome", outcome);
        }
    }

    public JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    public JavaType listOf(Class<?> type) {
        return json.getTypeFactory().constructCollectionType(java.util.List.class, type);
    }

    public JavaType type(com.fasterxml.jackson.core.type.TypeReference<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    /** POSTs the value as JSON. */
    public HttpResponse<String> post(HostInfo owner, String path, Object value) {
        String body;
        try {
            body = json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(owner, path, request -> request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(HostInfo owner, String pathAndQuery) {
        return send(owner, pathAndQuery, HttpRequest.Builder::GET);
    }

    /** The answer read as {@code type}; anything but a 200 is a 503 to the caller, to retry. */
    public <T> T read(HttpResponse<String> response, JavaType type) {
        if (response.statusCode() != 200) {
            throw UnavailableException.peerDidNotAnswer("the instance holding this key answered " + response.statusCode() + "; retry shortly", null);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance: " + e.getMessage(), e);
        }
    }

    /** {@code headwater_query_remote_lookups_total{outcome}}: look-ups of keys another instance holds (answered, refused, unanswered). */
    private static void lookup(String outcome) {
        io.micrometer.core.instrument.Metrics.counter(LOOKUPS, "outcome", outcome).increment();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(HostInfo owner, String pathAndQuery, UnaryOperator<HttpRequest.Builder> method) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
            serviceAuthorization.ifPresent(authorization -> request.header("Authorization", authorization));
            HttpResponse<String> response = http.send(method.apply(request).build(), HttpResponse.BodyHandlers.ofString());
            lookup(response.statusCode() / 100 == 2 ? "answered" : "refused");
            return response;
        } catch (IOException e) {
            lookup("unanswered");
            throw UnavailableException.peerDidNotAnswer("the instance holding this key (" + owner + ") did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UnavailableException.peerDidNotAnswer("interrupted while asking " + owner, e);
        }
    }
}
