package io.headwater.streams.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * lineage-streams' domain metrics, through Micrometer's global registry (the processors are made by Kafka Streams, not
 * by CDI; Quarkus adds its registry to the global one). Every label has a fixed set of values:
 * <ul>
 *   <li>{@code headwater_streams_events_folded_total{kind}}: lineage events folded into the graph, by kind (RUN, DATASET, JOB);</li>
 *   <li>{@code headwater_streams_graph_lag_seconds}: from ingest's write of a run event to Kafka to its fold (a histogram);</li>
 *   <li>{@code headwater_streams_drift_evaluations_total{severity}}: feature-metric judgements of monitoring windows
 *       (NONE, WARN, ALERT);</li>
 *   <li>{@code headwater_streams_alert_announcements_total{state}}: alerts opened, escalated or resolved (OPEN, RESOLVED).</li>
 * </ul>
 * Replays after a crash count again: these are rates to watch, not the record (the graph topics are).
 */
public final class StreamsMetrics {

    private static final Timer GRAPH_LAG = Timer.builder("headwater.streams.graph.lag")
            .description("From ingest's write of a run event to Kafka to its fold into the graph")
            .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(10)).register(Metrics.globalRegistry);

    private StreamsMetrics() {
    }

    /**
     * Every series at zero from the start, so a dashboard shows 0, not "no data", and an alert on a rate works before
     * the first occurrence. Dead letters and thread failures are counted by the error handlers (headwater-schemas).
     */
    public static void registerAtZero() {
        for (String kind : new String[]{"RUN", "DATASET", "JOB"}) {
            Metrics.counter("headwater.streams.events.folded", "kind", kind);
        }
        for (String severity : new String[]{"NONE", "WARN", "ALERT"}) {
            Metrics.counter("headwater.streams.drift.evaluations", "severity", severity);
        }
        for (String state : new String[]{"OPEN", "RESOLVED"}) {
            Metrics.counter("headwater.streams.alert.announcements", "state", state);
        }
        for (String stage : new String[]{"deserialization", "processing", "serialization", "production"}) {
            Metrics.counter("headwater.streams.dead.letters", "stage", stage);
        }
        Metrics.counter("headwater.streams.thread.failures");
    }

    public static void folded(String kind) {
        Metrics.counter("headwater.streams.events.folded", "kind", kind).increment();
    }

    /** appendedAtMs: the record's timestamp (the lineage topic keeps the one ingest's producer set when it sent the event). */
    public static void graphLag(long appendedAtMs, long nowMs) {
        GRAPH_LAG.record(Duration.ofMillis(Math.max(0, nowMs - appendedAtMs)));
    }

    public static void driftEvaluated(String severity) {
        Metrics.counter("headwater.streams.drift.evaluations", "severity", severity).increment();
    }

    public static void alertAnnounced(String state) {
        Metrics.counter("headwater.streams.alert.announcements", "state", state).increment();
    }
}
