package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: the same event sent twice (a client retry, a Spark RUNNING repeat
 * with the same time) gets the same id, so the stream processor can drop the repeat.
 */
final class EventIds {

    private EventIds() {
    }

    /** The event time as an instant, so 'Z' and '+00:00' spellings of one time give one id. */
    private static String instant(JsonNode event) {
        return java.time.OffsetDateTime.parse(event.path("eventTime").asText()).toInstant().toString();
    }

    static String of(JsonNode event) {
        String identity;
        if (event.has("run")) {
            identity = String.join("|", "run", event.path("run").path("runId").asText(), event.path("eventType").asText(""),
                    instant(event), event.path("producer").asText());
        } else {
            JsonNode subject = event.has("dataset") ? event.path("dataset") : event.path("job");
            identity = String.join("|", event.has("dataset") ? "dataset" : "job", subject.path("namespace").asText(),
                    subject.path("name").asText(), instant(event), event.path("producer").asText());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
