package io.headwater.query.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.WebhookSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One alert to one subscription: signed, POSTed, and retried with exponential backoff (doubling, at most
 * {@link #MAX_BACKOFF}) until the receiver answers 2xx or the attempts are spent; each outcome counted in
 * {@code headwater_webhook_deliveries_total{outcome}}.
 */
final class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** Redirects are never followed: a receiver could otherwise send a delivery on to an address the targets refuse. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookTargets targets;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final BooleanSupplier running;

    WebhookDelivery(ObjectMapper json, MeterRegistry metrics, int maxAttempts, Duration initialBackoff, BooleanSupplier running,
                    WebhookTargets targets) {
        this.targets = targets;
        this.json = json;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.running = running;
    }

    /** @return whether the receiver took it */
    boolean deliver(WebhookSubscription subscription, AlertView alert) {
        String body = WebhookPayloads.body(json, alert, subscription.format());
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Headwater-Webhooks/1")
                .header("X-Headwater-Delivery", alert.alertId() + "/" + alert.state() + "/" + alert.updatedAt())
                .header(WebhookPayloads.SIGNATURE_HEADER, WebhookPayloads.signature(subscription.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Duration backoff = initialBackoff;
        for (int attempt = 1; attempt <= maxAttempts && running.getAsBoolean(); attempt++) {
            // Again at each attempt: the name may resolve elsewhere now than when it was subscribed.
            java.util.Optional<String> refused = targets.refusal(subscription.url());
            if (refused.isPresent()) {
                metrics.counter("headwater.webhook.deliveries", "outcome", "refused").increment();
                LOG.errorf("webhook %s: not delivering alert %s: the URL %s", subscription.id(), alert.alertId(), refused.get());
                return false;
            }
            String failure;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    metrics.counter("headwater.webhook.deliveries", "outcome", "delivered").increment();
                    return true;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            metrics.counter("headwater.webhook.deliveries", "outcome", "retried").increment();
            LOG.warnf("webhook %s: attempt %d of %d for alert %s failed (%s)", subscription.id(), attempt, maxAttempts, alert.alertId(), failure);
            if (attempt < maxAttempts) {
                sleep(backoff);
                backoff = next(backoff);
            }
        }
        metrics.counter("headwater.webhook.deliveries", "outcome", "failed").increment();
        LOG.errorf("webhook %s: gave up on alert %s after %d attempts", subscription.id(), alert.alertId(), maxAttempts);
        return false;
    }

    /** The wait before the next attempt: twice the last, at most {@link #MAX_BACKOFF}. */
    static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
