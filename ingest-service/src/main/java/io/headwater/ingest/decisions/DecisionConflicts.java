package io.headwater.ingest.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.Decision;
import io.headwater.security.AccessSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A decision never changes. Before decisions are stored, the ones query-service already holds are compared
 * with what was sent: the same content is an idempotent repeat, other content a 409 naming the decision and
 * each field that differs. Asked over the internal look-up with the services' key
 * ({@code headwater.ingest.decision-lookup-url}, query-service's address). Unset, or query-service not
 * answering in time, ingest accepts, and lineage-streams keeps the first content anyway (FirstDecisionWins).
 */
@ApplicationScoped
public class DecisionConflicts {

    private static final Logger LOG = Logger.getLogger(DecisionConflicts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Optional<String> lookup;
    private final Optional<String> authorization;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public DecisionConflicts(@ConfigProperty(name = "headwater.ingest.decision-lookup-url") Optional<String> lookup, AccessSettings access,
                             ObjectMapper json) {
        this.lookup = lookup.filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""));
        this.authorization = access.serviceAuthorization();
        this.json = json;
    }

    /** @throws DecisionConflictException for the first decision that is already held with other content */
    public void check(List<Decision> decisions) {
        if (lookup.isEmpty() || decisions.isEmpty()) {
            return;
        }
        List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
        for (Decision decision : decisions) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lookup.get() + "/internal/v1/decisions/"
                    + URLEncoder.encode(decision.getDecisionId(), StandardCharsets.UTF_8).replace("+", "%20"))).timeout(TIMEOUT).GET();
            authorization.ifPresent(a -> request.header("Authorization", a));
            answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? Optional.of(response.body()) : Optional.<String>empty())
                    .exceptionally(failure -> {
                        LOG.debugf("decision look-up failed (%s); lineage-streams keeps the first content anyway", failure.getMessage());
                        return Optional.empty();
                    }));
        }
        for (int i = 0; i < decisions.size(); i++) {
            Optional<String> held = answers.get(i).join();
            if (held.isPresent()) {
                List<String> differences = differences(decisions.get(i), held.get());
                if (!differences.isEmpty()) {
                    throw new DecisionConflictException(decisions.get(i).getDecisionId(), differences);
                }
            }
        }
    }

    /** Each field whose value differs, as "field: 'held' recorded, 'sent' sent". */
    List<String> differences(Decision sent, String heldJson) {
        JsonNode held;
        try {
            held = json.readTree(heldJson);
        } catch (java.io.IOException e) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        compare("modelName", held.path("modelName").asText(null), sent.getModelName(), differences);
        compare("modelVersion", held.path("modelVersion").asText(null), sent.getModelVersion(), differences);
        Instant heldTime = held.hasNonNull("decisionTime") ? Instant.parse(held.path("decisionTime").asText()) : null;
        compare("decisionTime", heldTime == null ? null : heldTime.toString(), sent.getDecisionTime().toString(), differences);
        compare("inputsRef", held.path("inputsRef").asText(null), sent.getInputsRef(), differences);
        compare("inputsHash", held.path("inputsHash").asText(null), sent.getInputsHash(), differences);
        compare("subjectId", held.path("subjectId").asText(null), sent.getSubjectId(), differences);
        try {
            if (!held.path("output").equals(json.readTree(sent.getOutputJson()))) {
                differences.add("output: differs from the recorded output");
            }
        } catch (java.io.IOException e) {
            differences.add("output: not comparable");
        }
        return differences;
    }

    private static void compare(String field, String held, CharSequence sent, List<String> differences) {
        String sentText = sent == null ? null : sent.toString();
        if (!Objects.equals(held, sentText)) {
            differences.add(field + ": '" + held + "' recorded, '" + sentText + "' sent");
        }
    }
}
