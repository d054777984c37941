package io.headwater.query.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for graph questions: at most {@code headwater.query.max-concurrent-traversals} run at
 * once (by default twice the cores, so computing never starves health, ingest of the replica, or the
 * heap); a request that finds no permit within {@code headwater.query.admission-wait} is answered 503 with
 * Retry-After at once instead of queueing, so a crowd of clients slows nobody down for long.
 */
@ApplicationScoped
// Made at start, so its metrics exist (at zero) before the first request.
@io.quarkus.runtime.Startup
public class TraversalGate {

    private final Semaphore permits;
    private final int capacity;
    private final long waitMillis;
    private static final String REFUSED = "headwater.query.traversals.refused";
    private final MeterRegistry metrics;

    public TraversalGate(@ConfigProperty(name = "headwater.query.max-concurrent-traversals") Optional<Integer> configured,
                         @ConfigProperty(name = "headwater.query.admission-wait") Duration wait, MeterRegistry metrics) {
        this.capacity = configured.orElse(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        this.permits = new Semaphore(capacity, true);
        this.waitMillis = wait.toMillis();
        this.metrics = metrics;
        Gauge.builder("headwater.query.traversals.running", permits, p -> capacity - p.availablePermits()).register(metrics);
        metrics.counter(REFUSED);
    }

    /** A permit, or {@link OverloadedException} when none frees up in time. */
    public Permit enter() {
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                metrics.counter(REFUSED).increment();
                throw new OverloadedException("all " + capacity + " traversal slots are busy (headwater.query.max-concurrent-traversals)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("interrupted while waiting for a traversal slot");
        }
        return new Permit();
    }

    /** Given back when the request is done. */
    public final class Permit implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                permits.release();
            }
        }
    }

    /** Too many questions at once: answered 503 with Retry-After. */
    public static class OverloadedException extends RuntimeException {
        public OverloadedException(String message) {
            super(message);
        }
    }
}
