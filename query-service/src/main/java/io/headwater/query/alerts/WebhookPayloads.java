package io.headwater.query.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.query.api.AlertView;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The body a webhook receives, and its signature. */
public final class WebhookPayloads {

    public static final String SIGNATURE_HEADER = "X-Headwater-Signature";

    private WebhookPayloads() {
    }

    /** "json": {"event": "alert", "alert": {...}}; "slack": {"text": "..."} as Slack's incoming webhooks take. */
    public static String body(ObjectMapper json, AlertView alert, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        if ("slack".equals(format)) {
            String icon = "RESOLVED".equals(alert.state()) ? ":white_check_mark:" : "ALERT".equals(alert.severity()) ? ":rotating_light:" : ":warning:";
            body.put("text", String.format("%s %s %s v%s: %s of %s is %.4f (threshold %.4f), %s %s. <%s|The model version, its drift and provenance>",
                    icon, alert.state(), alert.modelName(), alert.modelVersion(), alert.metric(), alert.feature(), alert.value(), alert.threshold(),
                    alert.severity(), "window " + alert.windowStart() + " – " + alert.windowEnd(), alert.uiUrl() != null ? alert.uiUrl() : alert.provenanceUrl()));
        } else {
            body.put("event", "alert");
            body.put("alert", alert);
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha256=" and the hex HMAC-SHA256 of the body under the subscription's secret. */
    public static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
