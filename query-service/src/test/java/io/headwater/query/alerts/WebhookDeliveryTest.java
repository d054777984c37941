package io.headwater.query.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.WebhookSubscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery to a real HTTP receiver on this machine: retries, backoff, signature, counts. */
class WebhookDeliveryTest {

    /** The test's receiver listens on loopback, which only an allow-list lets webhooks reach. */
    private static final WebhookTargets LOOPBACK_ALLOWED = new WebhookTargets(java.util.Optional.of(java.util.List.of("127.0.0.1", "localhost")));


    private static final String SECRET = "s3cret";
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
    private static final AlertView ALERT = new AlertView("a-1", "churn", "7", "model:churn#7", "tenure", "psi", 0.31, 0.2, "ALERT", "OPEN",
            T, T.plusSeconds(3600), T, T, "run:r", "http://127.0.0.1/api/v1/models/churn/versions/7",
            "http://127.0.0.1/ui/models/churn/versions/7");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{body, exchange.getRequestHeaders().getFirst(WebhookPayloads.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("X-Headwater-Delivery")});
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private WebhookSubscription subscription() {
        return new WebhookSubscription("w-1", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", null, null, "WARN", "json", SECRET, T);
    }

    @Test
    void aReceiverThatFailsTwiceGetsItOnTheThirdTrySignedTheSameEachTime() throws Exception {
        failuresLeft.set(2);
        WebhookDelivery delivery = new WebhookDelivery(json, metrics, 5, Duration.ofMillis(10), () -> true, LOOPBACK_ALLOWED);
        assertThat(delivery.deliver(subscription(), ALERT)).isTrue();
        assertThat(received).hasSize(3);
        for (String[] request : received) {
            assertThat(request[1]).isEqualTo("sha256=" + hmac(SECRET, request[0]));
            assertThat(request[2]).isEqualTo("a-1/OPEN/" + T);
        }
        assertThat(json.readTree(received.get(2)[0]).at("/alert/alertId").asText()).isEqualTo("a-1");
        assertThat(metrics.counter("headwater.webhook.deliveries", "outcome", "retried").count()).isEqualTo(2);
        assertThat(metrics.counter("headwater.webhook.deliveries", "outcome", "delivered").count()).isEqualTo(1);
    }

    @Test
    void aReceiverThatNeverTakesItIsGivenUpOnAfterTheLastAttempt() {
        failuresLeft.set(100);
        WebhookDelivery delivery = new WebhookDelivery(json, metrics, 3, Duration.ofMillis(5), () -> true, LOOPBACK_ALLOWED);
        assertThat(delivery.deliver(subscription(), ALERT)).isFalse();
        assertThat(received).hasSize(3);
        assertThat(metrics.counter("headwater.webhook.deliveries", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void aStoppingServiceMakesNoFurtherAttempt() {
        failuresLeft.set(100);
        WebhookDelivery delivery = new WebhookDelivery(json, metrics, 5, Duration.ofMillis(5), () -> received.isEmpty(), LOOPBACK_ALLOWED);
        assertThat(delivery.deliver(subscription(), ALERT)).isFalse();
        assertThat(received).hasSize(1);
    }

    @Test
    void aUrlInsideTheDeploymentGetsNoRequestAtAll() {
        WebhookDelivery delivery = new WebhookDelivery(json, metrics, 5, Duration.ofMillis(5), () -> true, new WebhookTargets(java.util.Optional.empty()));
        assertThat(delivery.deliver(subscription(), ALERT)).isFalse();
        assertThat(received).as("query-service never became a proxy onto loopback").isEmpty();
        assertThat(metrics.counter("headwater.webhook.deliveries", "outcome", "refused").count()).isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        com.sun.net.httpserver.HttpServer redirecting = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/hook", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            WebhookSubscription toRedirector = new WebhookSubscription("w-2", "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/hook",
                    null, null, "WARN", "json", SECRET, T);
            WebhookDelivery delivery = new WebhookDelivery(json, metrics, 2, Duration.ofMillis(5), () -> true, LOOPBACK_ALLOWED);
            assertThat(delivery.deliver(toRedirector, ALERT)).isFalse();
            assertThat(received).as("the redirect's target was never called").isEmpty();
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void backoffDoublesUpToAMinute() {
        assertThat(WebhookDelivery.next(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookDelivery.next(Duration.ofSeconds(40))).isEqualTo(WebhookDelivery.MAX_BACKOFF);
        assertThat(WebhookDelivery.next(WebhookDelivery.MAX_BACKOFF)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theSignatureIsHmacSha256OfTheBody() {
        // A published HMAC-SHA256 test vector (key "key", the quick brown fox).
        assertThat(WebhookPayloads.signature("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void aSlackSubscriptionGetsOneLineOfText() throws Exception {
        String body = WebhookPayloads.body(json, ALERT, "slack");
        assertThat(json.readTree(body).get("text").asText()).contains(":rotating_light:", "churn v7", "psi of tenure is 0.3100", "<http://127.0.0.1/ui/models/churn/versions/7|");
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
