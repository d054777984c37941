package io.headwater.kafka.errors;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A stream thread that dies of an error no handler caught is replaced, so one bad moment does not
 * stop the stream; if threads keep dying (more than {@link #MAX_REPLACEMENTS} in {@link #WINDOW_MS}),
 * the client shuts down instead: liveness turns DOWN and the supervisor (the launcher, Kubernetes)
 * restarts the process, with backoff, where the failure is visible. Counted in
 * {@code headwater_streams_thread_failures_total}.
 */
public class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 5;
    static final long WINDOW_MS = 10 * 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile Failure lastFailure;

    /** When the last stream thread died and of what (class and message, never a record's content). */
    public record Failure(java.time.Instant at, String what) {
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Metrics.counter(ErrorCounters.THREAD_FAILURES).increment();
        long now = System.currentTimeMillis();
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastFailure = new Failure(java.time.Instant.ofEpochMilli(now), describe(exception, root));
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst() < now - WINDOW_MS) {
            recent.removeFirst();
        }
        if (recent.size() > MAX_REPLACEMENTS) {
            LOG.error("stream threads died {} times in {} minutes; shutting down for a restart", recent.size(), WINDOW_MS / 60_000, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("a stream thread died; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /**
     * Health is open to probes, so only what cannot hold a record's content: the exception classes, and Streams' own
     * message, which names the task, processor, topic, partition and offset.
     */
    static String describe(Throwable exception, Throwable root) {
        String what = exception.getClass().getSimpleName();
        if (exception instanceof org.apache.kafka.streams.errors.StreamsException && exception.getMessage() != null) {
            what += ": " + exception.getMessage().lines().findFirst().orElse("");
        }
        if (root != exception) {
            what += " (caused by " + root.getClass().getSimpleName() + ")";
        }
        return what.length() > 400 ? what.substring(0, 400) + "…" : what;
    }

    /** Null while no stream thread has died since the start. */
    public Failure lastFailure() {
        return lastFailure;
    }
}
