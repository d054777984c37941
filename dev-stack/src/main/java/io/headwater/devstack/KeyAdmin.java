package io.headwater.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./headwater key create|list|revoke}: an admin's key management against a running platform, over
 * query-service's REST API (so every instance knows the change at once, and the audit records who made it).
 * {@code create} prints the new token alone on standard output, for scripts; the rest goes to standard error.
 */
public final class KeyAdmin {

    static final String USAGE = "usage: key create --role R [--role R2] [--namespace N] [--description D] [--expires ISO-8601]"
            + " | key list | key revoke ID";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String queryUrl;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeyAdmin(String queryUrl, String adminKey) {
        this.queryUrl = queryUrl.replaceAll("/+$", "");
        this.adminKey = adminKey;
    }

    /**
     * args: the query-service URL, the file holding the admin key, then the command. HEADWATER_API_KEY, where set,
     * is the key instead of the file (a key is never an argument: the process list would show it).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String key = System.getenv("HEADWATER_API_KEY");
        if (key == null || key.isBlank()) {
            java.nio.file.Path file = java.nio.file.Path.of(args[1]);
            if (!java.nio.file.Files.isReadable(file)) {
                System.err.println("headwater: no admin key: set HEADWATER_API_KEY, or start the platform once with ./headwater up (it makes " + file + ")");
                System.exit(1);
            }
            key = java.nio.file.Files.readString(file).trim();
        }
        String[] command = java.util.Arrays.copyOfRange(args, 2, args.length);
        System.exit(new KeyAdmin(args[0], key.trim()).run(command, System.out, System.err));
    }

    /** Runs one command; the exit status: 0 done, 1 refused or failed (said on err), 2 usage. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "create" -> {
                    ObjectNode request = JSON.createObjectNode();
                    request.putPOJO("roles", KeysCommand.values(args, "--role"));
                    request.putPOJO("namespaces", KeysCommand.values(args, "--namespace"));
                    KeysCommand.values(args, "--description").stream().findFirst().ifPresent(d -> request.put("description", d));
                    KeysCommand.values(args, "--expires").stream().findFirst().ifPresent(e -> request.put("expiresAt", e));
                    JsonNode made = send("POST", "", request.toString());
                    err.println("key " + made.path("id").asText() + " made with " + made.path("roles") + scope(made)
                            + "; its token follows, shown this once");
                    out.println(made.path("token").asText());
                }
                case "list" -> {
                    JsonNode keys = send("GET", "", null);
                    out.printf("%-14s %-22s %-22s %-22s %-22s %-10s %s%n", "ID", "ROLES", "NAMESPACES", "CREATED", "LAST USED", "STATE", "DESCRIPTION");
                    for (JsonNode key : keys) {
                        out.printf("%-14s %-22s %-22s %-22s %-22s %-10s %s%n", key.path("id").asText(), join(key.path("roles")),
                                key.path("namespaces").isEmpty() ? "(all)" : join(key.path("namespaces")), seconds(key.path("createdAt")),
                                seconds(key.path("lastUsedAt")), state(key), key.path("description").asText(""));
                    }
                }
                case "revoke" -> {
                    if (args.length < 2) {
                        err.println(USAGE);
                        return 2;
                    }
                    JsonNode revoked = send("DELETE", "/" + args[1], null);
                    err.println("key " + revoked.path("id").asText() + " revoked at " + revoked.path("revokedAt").asText()
                            + "; every instance refuses it from its next request on");
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (RefusedException e) {
            err.println("headwater: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("headwater: cannot reach query-service at " + queryUrl + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); is the platform up?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/keys" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 300) {
            throw new RefusedException(response.statusCode() + " " + answer.path("title").asText("") + ": " + answer.path("detail").asText(response.body()));
        }
        return answer;
    }

    private static String scope(JsonNode key) {
        return key.path("namespaces").isEmpty() ? " for every namespace" : " limited to " + key.path("namespaces");
    }

    private static String state(JsonNode key) {
        if (key.hasNonNull("revokedAt")) {
            return "revoked";
        }
        if (key.hasNonNull("expiresAt") && java.time.Instant.parse(key.get("expiresAt").asText()).isBefore(java.time.Instant.now())) {
            return "expired";
        }
        return "active";
    }

    private static String seconds(JsonNode instant) {
        return instant.isMissingNode() || instant.isNull() ? "never" : instant.asText().replaceAll("\\.\\d+Z$", "Z");
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
    }

    private static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }
}
