package io.headwater.contract.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {

    @Test
    void namesThatHoldSecretsInFactsAndUrlsAlike() {
        for (String name : new String[]{"password", "spark.hadoop.fs.s3a.secret.key", "AWS_SECRET_ACCESS_KEY", "access_token", "api_key", "apiKey",
                "GOOGLE_APPLICATION_CREDENTIALS", "client-secret", "X-Amz-Security-Token", "spark.ssl.keyStorePassword"}) {
            assertThat(SecretNames.namesSecret(name)).as(name).isTrue();
        }
    }

    /** The rule as it was first written, a regular expression: the substring tests that replaced it (for speed) must agree with it. */
    private static final java.util.regex.Pattern FIRST_RULE = java.util.regex.Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|credential|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|"
                    + "connection[_.-]?string|sas[_.-]?key|account[_.-]?key|auth[_.-]?key|signing[_.-]?key|session[_.-]?key|"
                    + "\\.key$|aws_secret|aws_session|google_application_credentials|azure_client_secret|azure_storage_key).*");

    @Test
    void agreesWithTheFirstRuleOnEveryFieldNameOfTheRealEventsAndOnGeneratedNames() throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.nio.file.Path fixtures = java.nio.file.Path.of("..", "fixtures", "openlineage");
        try (var files = java.nio.file.Files.walk(fixtures)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collect(json.readTree(file.toFile()), names);
            }
        }
        assertThat(names).as("field names read from the fixtures").hasSizeGreaterThan(100);
        java.util.Random random = new java.util.Random(7);
        String[] parts = {"api", "key", "access", "secret", "token", "pass", "word", "client", "session", "sas", "x", "Key", "_", ".", "-", "AUTH", "string",
                "connection", "private", "signing", "account", "aws", "google", "azure", "storage", "credential", "id"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            names.add(name.toString());
        }
        assertThat(names).as("more names than verdicts are remembered").hasSizeGreaterThan(SecretNames.REMEMBERED_AT_MOST);
        // Twice: the second time, the first names' verdicts are remembered ones and the rest are judged again.
        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                boolean byTheFirstRule = FIRST_RULE.matcher(name).matches() && !SecretNames.exempt(name.toLowerCase(java.util.Locale.ROOT));
                assertThat(SecretNames.namesSecret(name)).as(name).isEqualTo(byTheFirstRule);
            }
        }
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, java.util.Set<String> names) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
            node.forEach(child -> collect(child, names));
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("name") && e.getValue().isTextual()) {
                    names.add(e.getValue().asText());
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    @Test
    void namesThatOnlyLookLikeIt() {
        for (String name : new String[]{"keyFields", "primary_key", "max_tokens", "tokenizer", "nodeId", "depth", "principal", "since"}) {
            assertThat(SecretNames.namesSecret(name)).as(name).isFalse();
        }
    }
}
