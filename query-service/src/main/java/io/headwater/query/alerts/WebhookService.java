package io.headwater.query.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.contract.Topics;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.query.api.WebhookSubscription;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.errors.UnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Subscriptions live on a compacted topic, so every instance sees them and they survive restarts. */
@ApplicationScoped
public class WebhookService {

    private static final Set<String> FORMATS = Set.of("json", "slack");
    private static final Set<String> SEVERITIES = Set.of("WARN", "ALERT");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertStore store;
    private final ObjectMapper json;
    private final KafkaProducer<String, String> producer;

    private final WebhookTargets targets;
    private final WebhookSecrets secrets;

    public WebhookService(AlertStore store, ObjectMapper json, KafkaConnection kafka, WebhookTargets targets, WebhookSecrets secrets) {
        this.targets = targets;
        this.secrets = secrets;
        this.store = store;
        this.json = json;
        this.producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)),
                new StringSerializer(), new StringSerializer());
    }

    public WebhookSubscription create(WebhookSubscription request) {
        if (request == null || request.url() == null) {
            throw new InvalidParameterException("url", "is required, e.g. https://hooks.example.com/headwater");
        }
        targets.refusal(request.url()).ifPresent(reason -> {
            throw new InvalidParameterException("url", reason);
        });
        String format = request.format() == null ? "json" : request.format();
        if (!FORMATS.contains(format)) {
            throw new InvalidParameterException("format", "must be json or slack");
        }
        String severity = request.minSeverity() == null ? "WARN" : request.minSeverity().toUpperCase(java.util.Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidParameterException("minSeverity", "must be WARN or ALERT");
        }
        if (request.version() != null && request.model() == null) {
            throw new InvalidParameterException("model", "is required when version is given");
        }
        String secret = request.secret() != null && !request.secret().isBlank() ? request.secret() : newSecret();
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), request.url(), request.model(), request.version(),
                severity, format, secret, Instant.now());
        // On the topic the secret is sealed; the answer shows it this once.
        send(subscription.id(), write(new WebhookSubscription(subscription.id(), subscription.url(), subscription.model(), subscription.version(),
                subscription.minSeverity(), subscription.format(), secrets.seal(secret), subscription.createdAt())));
        return subscription;
    }

    public List<WebhookSubscription> list() {
        return store.webhooks().stream().map(WebhookSubscription::withoutSecret)
                .sorted(java.util.Comparator.comparing(WebhookSubscription::createdAt)).toList();
    }

    public void delete(String id) {
        if (store.webhook(id).isEmpty()) {
            throw NotFoundException.of("webhook subscription", id);
        }
        send(id, null);
    }

    private void send(String id, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERT_WEBHOOKS.name(), id, value)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw UnavailableException.kafkaDidNotAcknowledge("Kafka did not acknowledge the subscription: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UnavailableException.kafkaDidNotAcknowledge("interrupted while waiting for Kafka", e);
        }
    }

    private String write(WebhookSubscription subscription) {
        try {
            return json.writeValueAsString(subscription);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
