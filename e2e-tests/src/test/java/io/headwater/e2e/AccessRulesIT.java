package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.contract.access.Roles;
import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of every service's OpenAPI document, called with no credentials, a refused key, and each
 * role's key: each answer must be what the access rules below say. The rules are written here, apart from
 * the code that enforces them, so an endpoint added without a rule fails this test ("no rule for ...").
 */
class AccessRulesIT {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.securedWithGraph();

    private static final Set<String> ANY = Set.copyOf(Roles.ALL);
    private static final Set<String> ADMIN_OR_SERVICE = Set.of(Roles.ADMIN, Roles.SERVICE);

    /** Service, "METHOD path-pattern" → the roles admitted. */
    private static final Map<String, Map<String, Set<String>>> RULES = Map.of(
            "ingest-service", rules(
                    "POST /api/v1/lineage.*", Set.of(Roles.PRODUCER),
                    "POST /api/v1/decisions", Set.of(Roles.PRODUCER),
                    "POST /api/v1/monitoring", Set.of(Roles.PRODUCER),
                    "POST /api/v1/deployments", Set.of(Roles.PRODUCER)),
            "query-service", rules(
                    "GET /internal/.*", Set.of(Roles.SERVICE),
                    "POST /internal/.*", Set.of(Roles.SERVICE),
                    "\\w+ /api/v1/keys.*", Set.of(Roles.ADMIN),
                    "\\w+ /api/v1/alerts/webhooks.*", Set.of(Roles.ADMIN),
                    "GET /api/v1/audit.*", Set.of(Roles.AUDITOR),
                    "GET /api/v1/decisions/\\{decisionId}/report", Set.of(Roles.READER, Roles.AUDITOR),
                    "GET /api/v1/models/\\{name}/versions/\\{version}/documentation", Set.of(Roles.READER, Roles.AUDITOR),
                    "GET /api/v1/retention", Set.of(Roles.ADMIN, Roles.AUDITOR),
                    "GET /api/v1/holds.*", Set.of(Roles.ADMIN, Roles.AUDITOR),
                    "\\w+ /api/v1/holds.*", Set.of(Roles.ADMIN),
                    "GET /api/v1/erasure.*", Set.of(Roles.ADMIN, Roles.AUDITOR),
                    "POST /api/v1/erasure", Set.of(Roles.ADMIN),
                    "GET /api/v1/.*", Set.of(Roles.READER)),
            "schema-registry", rules(
                    "POST /subjects/\\{subject}/versions", ADMIN_OR_SERVICE,
                    "DELETE .*", ADMIN_OR_SERVICE,
                    "PUT /config.*", ADMIN_OR_SERVICE,
                    "POST /subjects/\\{subject}", ANY,
                    "POST /compatibility/.*", ANY,
                    "GET .*", ANY));

    @Test
    void everyOperationOfEveryServiceAnswersEachRoleAsTheRulesSay() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ServiceProcess service : List.of(PLATFORM.platform().ingest, PLATFORM.platform().query, PLATFORM.platform().registry)) {
            Map<String, Set<String>> rules = RULES.get(service.name());
            JsonNode openapi = as(Roles.READER).get(service.url() + "/q/openapi?format=json").expect(200).json();
            for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        continue;
                    }
                    String operation = method + " " + path.getKey();
                    Set<String> admitted = admitted(rules, operation);
                    if (admitted == null) {
                        wrong.add(service.name() + ": no rule for " + operation);
                        continue;
                    }
                    String url = service.url() + path.getKey().replaceAll("\\{[^}]+}", "x");
                    if (url.endsWith("/stream")) {
                        url = url + "?model=none";
                    }
                    checked++;
                    expect(wrong, service, operation, url, method, null, 401);
                    expect(wrong, service, operation, url, method, "Bearer hwk_aaaaaaaaaaaa_" + "x".repeat(43), 401);
                    for (String role : Roles.ALL) {
                        int status = call(url, method, PLATFORM.platform().authorization(role));
                        boolean denied = status == 401 || status == 403;
                        if (admitted.contains(role) == denied) {
                            wrong.add(service.name() + ": " + operation + " as " + role + " answered " + status + ", expected "
                                    + (admitted.contains(role) ? "to be let in" : "403"));
                        }
                    }
                }
            }
        }
        assertThat(checked).as("operations found in the OpenAPI documents").isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, ServiceProcess service, String operation, String url, String method, String authorization, int expected) {
        int status = call(url, method, authorization);
        if (status != expected) {
            wrong.add(service.name() + ": " + operation + (authorization == null ? " without a key" : " with a refused key") + " answered " + status);
        }
    }

    private static int call(String url, String method, String authorization) {
        Http http = PLATFORM.anonymous().withAuthorization(authorization);
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        if (url.contains("/stream")) {
            // A live stream that let us in does not end: its status is all we need, from a request that times out quickly.
            return streamStatus(url, authorization);
        }
        return http.send(method, url, body).status();
    }

    private static int streamStatus(String url, String authorization) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        java.util.concurrent.CompletableFuture<Integer> status = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<?> response = java.net.http.HttpClient.newHttpClient().sendAsync(request.build(), info -> {
            status.complete(info.statusCode());
            return java.net.http.HttpResponse.BodySubscribers.discarding();
        });
        try {
            return status.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no status from " + url, e);
        } finally {
            response.cancel(true);
        }
    }

    private static Set<String> admitted(Map<String, Set<String>> rules, String operation) {
        for (Map.Entry<String, Set<String>> rule : rules.entrySet()) {
            if (Pattern.matches(rule.getKey(), operation)) {
                return rule.getValue();
            }
        }
        return null;
    }

    private static Http as(String role) {
        return PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization(role));
    }

    /** Rules in order: the first whose pattern matches "METHOD path" decides. */
    private static Map<String, Set<String>> rules(Object... patternsAndRoles) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (int i = 0; i < patternsAndRoles.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) patternsAndRoles[i + 1];
            rules.put((String) patternsAndRoles[i], roles);
        }
        return rules;
    }
}
