package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.headwater.contract.access.SecretNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of an event before anything is stored, because producers put them where lineage
 * is collected: a token in a git remote ({@code https://deploy:<token>@github.com/...}), a password in a JDBC
 * URL or a dataset namespace, an S3 key in {@code spark_properties}, an AWS secret in
 * {@code environmentVariables}, a signature in a presigned URL. Three rules, applied to every string of the
 * event:
 * <ul>
 *   <li>the userinfo of a URL ({@code scheme://user:secret@host}) becomes {@code scheme://***@host};</li>
 *   <li>a query parameter that names a secret ({@code token=}, {@code X-Amz-Signature=}, ...) keeps its name, loses its value;</li>
 *   <li>the value of a field, or of a {@code name}/{@code value} pair, whose name says secret (password, token,
 *       secret, credential, api key, {@code spark.*.key}, AWS/GCP/Azure key names) becomes {@link #MARKER}.</li>
 * </ul>
 * The raw JSON keeps every byte except the redacted values, so it stays the event as sent, minus its secrets.
 */
public final class SecretRedactor {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** What a redacted value reads as. */
    public static final String MARKER = "***redacted***";

    private static final Pattern URL_USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s?#\"]+)@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;](?:access_token|token|auth|password|passwd|pwd|secret|sig|signature|api_key|apikey|key|client_secret|sas|"
                    + "x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)([^&#\\s\"]+)",
            Pattern.CASE_INSENSITIVE);

    private SecretRedactor() {
    }

    /**
     * What was taken out: the JSON pointers of the redacted values, and for the raw text each secret's text as JSON
     * holds it and what replaces it.
     */
    public record Redactions(List<String> pointers, Map<String, String> replacements) {
        public boolean any() {
            return !pointers.isEmpty();
        }

        /**
         * The raw JSON with every redacted secret replaced, byte for byte elsewhere; or, where the producer escaped
         * a secret otherwise than Jackson would (so the text replacement missed it), the redacted event re-serialised.
         */
        public String apply(String raw, JsonNode redacted) {
            if (!any()) {
                return raw;
            }
            String out = raw;
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                out = out.replace(replacement.getKey(), replacement.getValue());
            }
            try {
                return redact(JSON.readTree(out)).any() ? redacted.toString() : out;
            } catch (java.io.IOException e) {
                return redacted.toString();
            }
        }
    }

    /** Redacts {@code event} in place. */
    public static Redactions redact(JsonNode event) {
        List<String> pointers = new ArrayList<>();
        Map<String, String> replacements = new LinkedHashMap<>();
        walk(event, "", null, pointers, replacements);
        return new Redactions(pointers, replacements);
    }

    private static void walk(JsonNode node, String pointer, String name, List<String> pointers, Map<String, String> secrets) {
        if (node instanceof ObjectNode object) {
            // {"name": "AWS_SECRET_ACCESS_KEY", "value": "..."}: the environmentVariables facet's shape, and spark's.
            JsonNode pairName = object.get("name");
            JsonNode pairValue = object.get("value");
            if (pairName != null && pairName.isTextual() && pairValue != null && pairValue.isTextual() && namesSecret(pairName.asText())) {
                redactValue(object, "value", pointer + "/value", pointers, secrets);
            }
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode child = object.get(field);
                String childPointer = pointer + "/" + field.replace("~", "~0").replace("/", "~1");
                if (child.isTextual() && namesSecret(field) && !field.equals("value")) {
                    redactValue(object, field, childPointer, pointers, secrets);
                } else if (child.isTextual()) {
                    String cleaned = clean(child.asText(), secrets);
                    if (!cleaned.equals(child.asText())) {
                        object.put(field, cleaned);
                        pointers.add(childPointer);
                    }
                } else {
                    walk(child, childPointer, field, pointers, secrets);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    String cleaned = clean(child.asText(), secrets);
                    if (!cleaned.equals(child.asText())) {
                        array.set(i, TextNode.valueOf(cleaned));
                        pointers.add(pointer + "/" + i);
                    }
                } else {
                    walk(child, pointer + "/" + i, name, pointers, secrets);
                }
            }
        }
    }

    private static void redactValue(ObjectNode object, String field, String pointer, List<String> pointers, Map<String, String> secrets) {
        String value = object.get(field).asText();
        if (value.isEmpty() || value.equals(MARKER)) {
            return;
        }
        // As the raw JSON writes it: the quoted, escaped string, so no other text that merely contains it changes.
        secrets.put(TextNode.valueOf(value).toString(), TextNode.valueOf(MARKER).toString());
        object.put(field, MARKER);
        pointers.add(pointer);
    }

    /** A string with URL userinfo and secret query parameters taken out. */
    static String clean(String value, Map<String, String> secrets) {
        if (value.indexOf('@') < 0 && value.indexOf('=') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        Matcher userinfo = URL_USERINFO.matcher(value);
        while (userinfo.find()) {
            secrets.put(json(userinfo.group(1) + userinfo.group(2) + "@"), json(userinfo.group(1) + "***@"));
            userinfo.appendReplacement(out, Matcher.quoteReplacement(userinfo.group(1) + "***@"));
        }
        userinfo.appendTail(out);
        String withoutUserinfo = out.toString();
        StringBuilder out2 = new StringBuilder();
        Matcher parameter = SECRET_PARAMETER.matcher(withoutUserinfo);
        while (parameter.find()) {
            secrets.put(json(parameter.group(1) + parameter.group(2)), json(parameter.group(1) + MARKER));
            parameter.appendReplacement(out2, Matcher.quoteReplacement(parameter.group(1) + MARKER));
        }
        parameter.appendTail(out2);
        return out2.toString();
    }

    /** A fragment as it appears inside a JSON string (escaped, unquoted). */
    private static String json(String fragment) {
        String quoted = TextNode.valueOf(fragment).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    static boolean namesSecret(String name) {
        return SecretNames.namesSecret(name);
    }
}
