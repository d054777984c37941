package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where to POST alerts, and which: those of one model (and version), at or above a severity.
 * {@code format} is "json" (the alert as the API shows it) or "slack" (a Slack-compatible
 * {"text": ...} message). Each delivery carries an HMAC-SHA256 of the body under {@code secret}
 * in the X-Headwater-Signature header; the secret is shown only when the subscription is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSubscription(String id, String url, String model, String version, String minSeverity, String format,
                                  String secret, Instant createdAt) {

    public WebhookSubscription withoutSecret() {
        return new WebhookSubscription(id, url, model, version, minSeverity, format, null, createdAt);
    }
}
