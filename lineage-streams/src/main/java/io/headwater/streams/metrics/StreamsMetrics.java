package io.headwater.streams.metrics;

import io.headwater.avro.AlertSeverity;
import io.headwater.avro.AlertState;
import io.headwater.avro.LineageEventKind;
import io.headwater.kafka.errors.ErrorCounters;
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

    private static final String FOLDED = "headwater.streams.events.folded";
    private static final String DRIFT_EVALUATIONS = "headwater.streams.drift.evaluations";
    private static final String ALERT_ANNOUNCEMENTS = "headwater.streams.alert.announcements";
    private static final String NO_SEVERITY = "NONE";

    private static final Timer GRAPH_LAG = Timer.builder("headwater.streams.graph.lag")
            .description("From ingest's write of a run event to Kafka to its fold into the graph")
            .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(10)).register(Metrics.globalRegistry);

    private StreamsMetrics() {
    }

    /**
     * Every series at zero from the start, so a dashboard shows 0, not "no data", and an alert on a rate works before
     * the first occurrence. Dead letters and thread failures are counted by the error handlers ({@link ErrorCounters}).
     */
    public static void registerAtZero() {
        for (LineageEventKind kind : LineageEventKind.values()) {
            Metrics.counter(FOLDED, "kind", kind.name());
        }
        Metrics.counter(DRIFT_EVALUATIONS, "severity", NO_SEVERITY);
        for (AlertSeverity severity : AlertSeverity.values()) {
            Metrics.counter(DRIFT_EVALUATIONS, "severity", severity.name());
        }
        for (AlertState state : AlertState.values()) {
            Metrics.counter(ALERT_ANNOUNCEMENTS, "state", state.name());
        }
        ErrorCounters.atZero();
    }

    public static void folded(LineageEventKind kind) {
        Metrics.counter(FOLDED, "kind", kind.name()).increment();
    }

    /** appendedAtMs: the record's timestamp (the lineage topic keeps the one ingest's producer set when it sent the event). */
    public static void graphLag(long appendedAtMs, long nowMs) {
        GRAPH_LAG.record(Duration.ofMillis(Math.max(0, nowMs - appendedAtMs)));
    }

    /** severity: null for a judgement within both thresholds. */
    public static void driftEvaluated(AlertSeverity severity) {
        Metrics.counter(DRIFT_EVALUATIONS, "severity", severity == null ? NO_SEVERITY : severity.name()).increment();
    }

    public static void alertAnnounced(AlertState state) {
        Metrics.counter(ALERT_ANNOUNCEMENTS, "state", state.name()).increment();
    }
}
