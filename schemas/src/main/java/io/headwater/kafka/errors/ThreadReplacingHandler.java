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

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Metrics.counter(ErrorCounters.THREAD_FAILURES).increment();
        long now = System.currentTimeMillis();
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
}
