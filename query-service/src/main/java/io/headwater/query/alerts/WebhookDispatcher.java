package io.headwater.query.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.AlertSeverity;
import io.headwater.avro.DriftAlert;
import io.headwater.contract.Topics;
import io.headwater.query.model.AlertView;
import io.headwater.query.model.WebhookSubscription;
import io.headwater.query.streams.GraphStore.GraphNotReadyException;
import io.headwater.registry.client.SchemaRegistryClient;
import io.headwater.registry.serde.AvroDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Delivers each alert to the webhook subscriptions it matches. The instances share one consumer
 * group on the alerts topic, so each alert is delivered by one instance; offsets are committed
 * after the deliveries, so a crash re-delivers rather than drops (receivers should use the
 * X-Headwater-Delivery header to recognise a repeat). A failing receiver is retried with
 * exponential backoff; after the last attempt the failure is logged and counted, not retried
 * forever, so one dead receiver cannot stop the others.
 */
@ApplicationScoped
public class WebhookDispatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final AlertStore store;
    private final AlertViews views;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final String bootstrap;
    private final String registryUrl;
    private final String groupId;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile KafkaConsumer<String, DriftAlert> consumer;
    private volatile boolean running = true;
    private Thread thread;

    public WebhookDispatcher(AlertStore store, AlertViews views, ObjectMapper json, MeterRegistry metrics,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                             @ConfigProperty(name = "headwater.schema-registry.url") String registryUrl,
                             @ConfigProperty(name = "headwater.webhooks.group-id") String groupId,
                             @ConfigProperty(name = "headwater.webhooks.max-attempts") int maxAttempts,
                             @ConfigProperty(name = "headwater.webhooks.initial-backoff") Duration initialBackoff) {
        this.store = store;
        this.views = views;
        this.json = json;
        this.metrics = metrics;
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.groupId = groupId;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this, "alert-webhooks");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, DriftAlert> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, DriftAlert> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000),
                new StringDeserializer(), new AvroDeserializer<>(new SchemaRegistryClient(registryUrl), DriftAlert.class))) {
            consumer = c;
            c.subscribe(List.of(Topics.ALERTS));
            while (running) {
                ConsumerRecords<String, DriftAlert> records = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, DriftAlert> record : records) {
                    if (record.value() != null) {
                        dispatch(record.value());
                    }
                }
                if (!records.isEmpty()) {
                    c.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("webhook delivery stopped: " + e.getMessage(), e);
        }
    }

    private void dispatch(DriftAlert alert) {
        List<WebhookSubscription> subscriptions = subscriptions();
        AlertView view = views.of(alert);
        for (WebhookSubscription subscription : subscriptions) {
            if (matches(subscription, alert)) {
                deliver(subscription, view);
            }
        }
    }

    /** The subscriptions, waiting while the replica is still loading rather than skipping the alert. */
    private List<WebhookSubscription> subscriptions() {
        while (running) {
            try {
                return store.webhooks();
            } catch (GraphNotReadyException e) {
                sleep(Duration.ofMillis(500));
            }
        }
        return List.of();
    }

    static boolean matches(WebhookSubscription subscription, DriftAlert alert) {
        return (subscription.model() == null || subscription.model().equals(alert.getModelName()))
                && (subscription.version() == null || subscription.version().equals(alert.getModelVersion()))
                && (!"ALERT".equals(subscription.minSeverity()) || alert.getSeverity() == AlertSeverity.ALERT
                || alert.getState() == io.headwater.avro.AlertState.RESOLVED);
    }

    private void deliver(WebhookSubscription subscription, AlertView alert) {
        String body = WebhookPayloads.body(json, alert, subscription.format());
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Headwater-Webhooks/1")
                .header("X-Headwater-Delivery", alert.alertId() + "/" + alert.state() + "/" + alert.updatedAt())
                .header(WebhookPayloads.SIGNATURE_HEADER, WebhookPayloads.signature(subscription.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Duration backoff = initialBackoff;
        for (int attempt = 1; attempt <= maxAttempts && running; attempt++) {
            String failure;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    metrics.counter("headwater.webhook.deliveries", "outcome", "delivered").increment();
                    return;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            metrics.counter("headwater.webhook.deliveries", "outcome", "retried").increment();
            LOG.warnf("webhook %s: attempt %d of %d for alert %s failed (%s)", subscription.id(), attempt, maxAttempts, alert.alertId(), failure);
            if (attempt < maxAttempts) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : backoff.multipliedBy(2);
            }
        }
        metrics.counter("headwater.webhook.deliveries", "outcome", "failed").increment();
        LOG.errorf("webhook %s: gave up on alert %s after %d attempts", subscription.id(), alert.alertId(), maxAttempts);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
