package io.headwater.query.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.AlertSeverity;
import io.headwater.avro.DriftAlert;
import io.headwater.contract.Topics;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroDeserializer;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.WebhookSubscription;
import io.headwater.query.errors.GraphNotReadyException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Delivers each alert to the webhook subscriptions it matches. The instances share one consumer
 * group on the alerts topic, so each alert is delivered by one instance. Deliveries run on one lane
 * per subscription ({@link WebhookLanes}), so a slow or dead receiver delays only itself; offsets are
 * committed up to the oldest delivery still in flight ({@link DeliveryWatermark}), so a crash
 * re-delivers rather than drops (receivers use the X-Headwater-Delivery header to recognise a repeat).
 * A failing receiver is retried ({@link WebhookDelivery}). The poller survives any error (logged, retried with backoff), and its state is in health.
 */
@ApplicationScoped
public class WebhookDispatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final AlertStore store;
    private final AlertViews views;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final KafkaConnection kafka;
    private final SchemaRegistryClient registry;
    private final String groupId;
    private final WebhookDelivery delivery;
    private final WebhookLanes lanes;
    private final DeliveryWatermark watermark = new DeliveryWatermark();
    private Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
    private volatile KafkaConsumer<String, DriftAlert> consumer;
    private volatile boolean running = true;
    private volatile long lastPoll = System.nanoTime();
    private volatile String lastFailure;
    private Thread thread;
    private final WebhookSecrets secrets;

    public WebhookDispatcher(AlertStore store, AlertViews views, ObjectMapper json, MeterRegistry metrics,
                             KafkaConnection kafka, SchemaRegistryClient registry,
                             @ConfigProperty(name = "headwater.webhooks.group-id") String groupId,
                             @ConfigProperty(name = "headwater.webhooks.max-attempts") int maxAttempts,
                             @ConfigProperty(name = "headwater.webhooks.initial-backoff") Duration initialBackoff,
                             @ConfigProperty(name = "headwater.webhooks.queue-per-subscription") int queuePerSubscription,
                             WebhookTargets targets, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.store = store;
        this.views = views;
        this.json = json;
        this.metrics = metrics;
        this.kafka = kafka;
        this.registry = registry;
        this.groupId = groupId;
        this.delivery = new WebhookDelivery(json, metrics, maxAttempts, initialBackoff, () -> running, targets);
        this.lanes = new WebhookLanes(queuePerSubscription, metrics);
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
        lanes.shutdown();
    }

    /** For health: whether the poller lives and polls, and each subscription's backlog. */
    public State state() {
        Thread t = thread;
        return new State(t != null && t.isAlive(), (System.nanoTime() - lastPoll) / 1_000_000_000L, lastFailure, lanes.backlog());
    }

    public record State(boolean alive, long secondsSinceLastPoll, String lastFailure, java.util.Map<String, Integer> backlog) {
        public boolean healthy() {
            return alive;
        }
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try {
                poll();
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException | Error e) {
                // Even an OutOfMemoryError in one delivery must not end webhooks for good: log, back off, start again.
                failures++;
                lastFailure = e.toString();
                LOG.errorf(e, "webhook delivery failed (%d in a row); starting again", failures);
                sleep(Duration.ofMillis(Math.min(30_000, 500L << Math.min(failures, 6))));
            }
        }
    }

    private void poll() {
        try (KafkaConsumer<String, DriftAlert> c = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000)),
                new StringDeserializer(), new AvroDeserializer<>(registry, DriftAlert.class))) {
            consumer = c;
            c.subscribe(List.of(Topics.ALERTS.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(c);
                    watermark.forget(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                ConsumerRecords<String, DriftAlert> records = c.poll(Duration.ofMillis(500));
                lastPoll = System.nanoTime();
                for (ConsumerRecord<String, DriftAlert> record : records) {
                    dispatch(new TopicPartition(record.topic(), record.partition()), record.offset(), record.value());
                }
                commit(c);
                lastFailure = null;
            }
        }
    }

    /** Commits what the watermark allows, when it moved since the last commit (the poll loop turns twice a second). */
    private void commit(KafkaConsumer<String, DriftAlert> c) {
        Map<TopicPartition, OffsetAndMetadata> offsets = watermark.committable();
        if (!offsets.isEmpty() && !offsets.equals(committed)) {
            c.commitSync(offsets);
            committed = offsets;
        }
    }

    private void dispatch(TopicPartition partition, long offset, DriftAlert alert) {
        if (alert == null) {
            watermark.read(partition, offset, 0);
            return;
        }
        List<WebhookSubscription> subscriptions = subscriptions();
        lanes.retain(subscriptions.stream().map(WebhookSubscription::id).collect(java.util.stream.Collectors.toSet()));
        List<WebhookSubscription> matching = subscriptions.stream().filter(s -> matches(s, alert)).toList();
        watermark.read(partition, offset, matching.size());
        if (matching.isEmpty()) {
            return;
        }
        AlertView view = views.of(alert);
        for (WebhookSubscription subscription : matching) {
            boolean queued = lanes.submit(subscription.id(), () -> {
                try {
                    delivery.deliver(unsealed(subscription), view);
                } finally {
                    watermark.done(partition, offset);
                }
            });
            if (!queued) {
                watermark.done(partition, offset);
            }
        }
    }

    private WebhookSubscription unsealed(WebhookSubscription s) {
        return new WebhookSubscription(s.id(), s.url(), s.model(), s.version(), s.minSeverity(), s.format(), secrets.open(s.secret()), s.createdAt());
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
