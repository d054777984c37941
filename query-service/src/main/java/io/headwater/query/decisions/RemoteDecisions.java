package io.headwater.query.decisions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Asks the instance that owns a decision key, over its internal endpoints (answered from its local stores only). */
@ApplicationScoped
public class RemoteDecisions {

    private static final TypeReference<Map<String, Long>> COUNTS_TYPE = new TypeReference<>() { };

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    /** The internal endpoints admit only the services' own identity; a user's key is refused there. */
    private final Optional<String> serviceAuthorization;

    public RemoteDecisions(ObjectMapper json, @ConfigProperty(name = "headwater.query.remote-timeout") Duration timeout,
                           io.headwater.security.AccessSettings access) {
        this.json = json;
        this.timeout = timeout;
        this.serviceAuthorization = access.serviceAuthorization();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    Optional<DecisionView> decision(HostInfo owner, String decisionId) {
        HttpResponse<String> response = get(owner, "/internal/v1/decisions/" + encode(decisionId));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response, DecisionView.class));
    }

    DecisionPage decisionsOf(HostInfo owner, String modelVersionId, String cursor, int limit, java.time.Instant from, java.time.Instant until) {
        String query = "?modelVersionId=" + encode(modelVersionId) + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor))
                + (from == null ? "" : "&from=" + from) + (until == null ? "" : "&until=" + until);
        return read(get(owner, "/internal/v1/decisions-by-model-version" + query), DecisionPage.class);
    }

    /** In the body, never the query: the audit keeps query values, and a subject id is personal data. */
    List<DecisionView> decisionsOfSubject(HostInfo owner, String subjectId) {
        return read(post(owner, "/internal/v1/decisions-of-subject", Map.of("subjectId", subjectId)),
                json.getTypeFactory().constructCollectionType(List.class, DecisionView.class));
    }

    Map<String, Long> decisionCounts(HostInfo owner, List<String> modelVersionIds) {
        return read(post(owner, "/internal/v1/decision-counts", modelVersionIds), json.getTypeFactory().constructType(COUNTS_TYPE));
    }

    /** POSTs the value as JSON. */
    private HttpResponse<String> post(HostInfo owner, String path, Object value) {
        String body;
        try {
            body = json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(owner, path, request -> request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(HostInfo owner, String pathAndQuery) {
        return send(owner, pathAndQuery, HttpRequest.Builder::GET);
    }

    private HttpResponse<String> send(HostInfo owner, String pathAndQuery, UnaryOperator<HttpRequest.Builder> method) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
            serviceAuthorization.ifPresent(authorization -> request.header("Authorization", authorization));
            return http.send(method.apply(request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw UnavailableException.peerDidNotAnswer("the instance holding this key (" + owner + ") did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UnavailableException.peerDidNotAnswer("interrupted while asking " + owner, e);
        }
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        return read(response, json.constructType(type));
    }

    private <T> T read(HttpResponse<String> response, JavaType type) {
        if (response.statusCode() != 200) {
            throw UnavailableException.peerDidNotAnswer("the instance holding this key answered " + response.statusCode() + "; retry shortly", null);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
