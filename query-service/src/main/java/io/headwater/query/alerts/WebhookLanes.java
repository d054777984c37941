package io.headwater.query.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One delivery lane per subscription: a single thread and a bounded queue, so a receiver that never
 * answers delays only its own deliveries (they are sent in order, one at a time), never another
 * subscription's. When a lane's queue is full the newest delivery for it is dropped, logged and counted
 * ({@code headwater_webhook_deliveries_total{outcome="dropped"}}): memory stays bounded whatever a
 * receiver does.
 */
final class WebhookLanes {

    private static final Logger LOG = Logger.getLogger(WebhookLanes.class);

    private final Map<String, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();
    private final int queueCapacity;
    private final MeterRegistry metrics;

    WebhookLanes(int queueCapacity, MeterRegistry metrics) {
        this.queueCapacity = queueCapacity;
        this.metrics = metrics;
    }

    /** Queues a delivery on the subscription's lane; false (and counted) when its queue is full. */
    boolean submit(String subscriptionId, Runnable delivery) {
        ThreadPoolExecutor lane = lanes.computeIfAbsent(subscriptionId, id -> {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                    task -> {
                        Thread thread = new Thread(task, "webhook-" + id);
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
        try {
            lane.execute(delivery);
            return true;
        } catch (RejectedExecutionException e) {
            metrics.counter("headwater.webhook.deliveries", "outcome", "dropped").increment();
            LOG.errorf("webhook %s: %d deliveries are waiting for a slow receiver; dropping this one", subscriptionId, queueCapacity);
            return false;
        }
    }

    /** Deliveries waiting or running, per subscription (for health). */
    Map<String, Integer> backlog() {
        Map<String, Integer> backlog = new java.util.TreeMap<>();
        lanes.forEach((id, lane) -> backlog.put(id, lane.getQueue().size() + lane.getActiveCount()));
        return backlog;
    }

    /** Lanes of subscriptions that no longer exist are shut down once idle. */
    void retain(java.util.Set<String> subscriptionIds) {
        lanes.entrySet().removeIf(entry -> {
            if (!subscriptionIds.contains(entry.getKey()) && entry.getValue().getQueue().isEmpty() && entry.getValue().getActiveCount() == 0) {
                entry.getValue().shutdown();
                return true;
            }
            return false;
        });
    }

    void shutdown() {
        lanes.values().forEach(ThreadPoolExecutor::shutdownNow);
    }
}
