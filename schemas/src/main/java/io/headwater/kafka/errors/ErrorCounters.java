package io.headwater.kafka.errors;

import io.micrometer.core.instrument.Metrics;

import java.util.List;

/**
 * The counters a Kafka Streams service's error handlers keep, in Micrometer's global registry:
 * {@code headwater_streams_dead_letters_total{stage}} and {@code headwater_streams_thread_failures_total}.
 */
public final class ErrorCounters {

    static final String DEAD_LETTERS = "headwater.streams.dead.letters";
    static final String THREAD_FAILURES = "headwater.streams.thread.failures";
    static final String DESERIALIZATION = "deserialization";
    static final String PROCESSING = "processing";
    static final String SERIALIZATION = "serialization";
    static final String PRODUCTION = "production";
    private static final List<String> STAGES = List.of(DESERIALIZATION, PROCESSING, SERIALIZATION, PRODUCTION);

    private ErrorCounters() {
    }

    /** Every series at zero, so a rate or an alert on it works before the first occurrence. */
    public static void atZero() {
        STAGES.forEach(stage -> Metrics.counter(DEAD_LETTERS, "stage", stage));
        Metrics.counter(THREAD_FAILURES);
    }
}
