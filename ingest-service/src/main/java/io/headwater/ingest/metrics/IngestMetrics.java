package io.headwater.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Ingest's own metrics, per kind of event (lineage, decision, monitoring), source (http, kafka) and
 * integration ({@link IntegrationLabel}: spark, airflow, dbt, ..., from a fixed list, never what a sender wrote):
 * {@code headwater_ingest_events_total{outcome=accepted|rejected|unavailable, reason}} and
 * the {@code headwater_ingest_latency_seconds} histogram from receipt to Kafka's acknowledgement.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String kind, String source, String producer, long count) {
        counter(kind, source, producer, "accepted", "none").increment(count);
    }

    public void rejected(String kind, String source, String producer, String reason) {
        counter(kind, source, producer, "rejected", reason).increment();
    }

    public void unavailable(String kind, String source, long count) {
        counter(kind, source, "unknown", "unavailable", "kafka").increment(count);
    }

    /** Values taken out of accepted events because they were credentials ({@code headwater_ingest_redactions_total}). */
    public void redacted(String kind, String source, long values) {
        Counter.builder("headwater.ingest.redactions").description("Credentials taken out of events before they were stored")
                .tags("kind", kind, "source", source).register(registry).increment(values);
    }

    public void latency(String kind, String source, Duration elapsed) {
        Timer.builder("headwater.ingest.latency")
                .description("From receipt to Kafka's acknowledgement")
                .tags("kind", kind, "source", source)
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    private Counter counter(String kind, String source, String producer, String outcome, String reason) {
        return Counter.builder("headwater.ingest.events")
                .description("Events received, by outcome")
                .tags("kind", kind, "source", source, "integration", IntegrationLabel.of(producer), "outcome", outcome, "reason", reason)
                .register(registry);
    }
}
