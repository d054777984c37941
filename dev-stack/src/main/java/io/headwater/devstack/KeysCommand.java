package io.headwater.devstack;

import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.ApiKeyToken;
import io.headwater.kafka.connection.KafkaConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code keys new | create --role R ... | ensure --role R --token-file F}: API keys without a running service,
 * for the first admin of a deployment. {@code new} prints a fresh token (nothing stored: put it in a Secret);
 * {@code ensure} writes the record that accepts a token from a file, if the topic does not hold it yet (the
 * chart's keys Job runs it); {@code create} makes a key and prints its token once. The Kafka connection comes
 * from the same KAFKA_* settings as the services. Afterwards admins make keys over REST (POST /api/v1/keys).
 */
public final class KeysCommand {

    private static final String USAGE = "usage: keys new | keys create --role R [--role R2] [--namespace N] [--description D] [--expires ISO-8601]"
            + " | keys ensure --role R [--namespace N] --token-file F";

    private KeysCommand() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        List<String> roles = values(args, "--role");
        List<String> namespaces = values(args, "--namespace");
        String description = values(args, "--description").stream().findFirst().orElse("made with keys " + command);
        Instant expires = values(args, "--expires").stream().findFirst().map(Instant::parse).orElse(null);
        switch (command) {
            case "new" -> System.out.println(ApiKeyToken.fresh().value());
            case "create" -> {
                ApiKeyToken.Issued issued = ApiKeyToken.issue(roles, namespaces, description, "keys create", expires);
                write(TopicsCommand.connection(), issued.key());
                System.err.println("keys: made " + issued.key().id() + " with " + roles + "; its token follows, shown this once");
                System.out.println(issued.token().value());
            }
            case "ensure" -> {
                Path file = Path.of(values(args, "--token-file").stream().findFirst().orElseThrow(() -> new IllegalArgumentException(USAGE)));
                ApiKeyToken token = ApiKeyToken.parse(Files.readString(file)).orElseThrow(() ->
                        new IllegalArgumentException(file + " does not hold a key token (hwk_<id>_<secret>): make one with `keys new`"));
                ApiKey accepted = ApiKeyToken.accepting(token, roles, namespaces, description, "keys ensure", expires);
                write(TopicsCommand.connection(), accepted);
                System.out.println("keys: " + token.id() + " accepted with " + roles);
            }
            default -> {
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }

    private static void write(KafkaConnection kafka, ApiKey key) {
        AccessKeys.publish(List.of(key), kafka.with(Map.of()));
    }

    /** Every value given for an option ({@code --role a --role b}). */
    static List<String> values(String[] args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(option)) {
                values.add(args[i + 1]);
            }
        }
        return values;
    }
}
