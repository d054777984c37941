package io.headwater.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Sends a serving system's decisions to Headwater in the background: batched (up to
 * {@code batchSize}, waiting at most {@code linger} to fill one), retried with exponential backoff
 * while ingest is unavailable, and bounded: when {@code capacity} decisions wait, {@link #send}
 * blocks up to {@code blockTimeout} and then throws {@link BackpressureException}, so a slow or
 * absent Headwater slows the caller down or tells it, never fills its memory. A batch ingest
 * refuses as invalid is retried one decision at a time, so one bad decision does not take its
 * neighbours with it; the bad ones go to the {@code onRejected} callback.
 */
public final class DecisionsClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("io.headwater.client");
    private static final Decision POISON = new Decision("", "", "", null, null, null, null, null, null);

    /** Thrown when the queue stayed full for the block timeout: Headwater is not keeping up. */
    public static class BackpressureException extends RuntimeException {
        BackpressureException(String message) {
            super(message);
        }
    }

    /** Counts since the client started. */
    public record Stats(long sent, long rejected, long failed, long retries, int queued) {
    }

    private final ClientConfig config;
    private final int batchSize;
    private final Duration linger;
    private final Duration blockTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final BiConsumer<Decision, String> onRejected;
    private final BlockingQueue<Decision> queue;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final Thread sender;
    private volatile boolean closed;

    private DecisionsClient(Builder b) {
        this.config = b.config;
        this.batchSize = b.batchSize;
        this.linger = b.linger;
        this.blockTimeout = b.blockTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.onRejected = b.onRejected;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.sender = new Thread(this::sendLoop, "headwater-decisions");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    public static Builder builder(ClientConfig config) {
        return new Builder(config);
    }

    /** Queues a decision; blocks while the queue is full, at most the block timeout, then throws BackpressureException. */
    public void send(Decision decision) {
        if (closed) {
            throw new IllegalStateException("the decisions client is closed");
        }
        try {
            if (!queue.offer(decision, blockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BackpressureException(queue.size() + " decisions are waiting for Headwater at " + config.url());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackpressureException("interrupted while waiting for room");
        }
    }

    /** Queues a decision if there is room now. */
    public boolean trySend(Decision decision) {
        return !closed && queue.offer(decision);
    }

    /** Waits until everything queued so far was sent, refused or given up on, at most the timeout; true when done. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() || inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public Stats stats() {
        return new Stats(sent.get(), rejected.get(), failed.get(), retries.get(), queue.size());
    }

    /** Sends what is queued (waiting up to a minute), then stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush(Duration.ofMinutes(1));
        closed = true;
        queue.offer(POISON);
        try {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendLoop() {
        List<Decision> batch = new ArrayList<>(batchSize);
        while (true) {
            try {
                Decision first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                if (first == POISON) {
                    return;
                }
                inFlight.incrementAndGet();
                batch.add(first);
                long lingerUntil = System.nanoTime() + linger.toNanos();
                while (batch.size() < batchSize) {
                    long left = lingerUntil - System.nanoTime();
                    Decision next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == POISON) {
                        closed = true;
                        break;
                    }
                    batch.add(next);
                }
                deliver(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.severe("headwater: the decisions sender hit " + e + "; " + batch.size() + " decisions counted as failed");
                failed.addAndGet(batch.size());
            } finally {
                if (!batch.isEmpty()) {
                    inFlight.decrementAndGet();
                }
                batch.clear();
            }
        }
    }

    private void deliver(List<Decision> batch) throws InterruptedException {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            Response response = post(batch);
            if (response.status / 100 == 2) {
                sent.addAndGet(batch.size());
                return;
            }
            if (response.status / 100 == 4 && response.status != 408 && response.status != 429) {
                if (batch.size() > 1) {
                    for (Decision one : batch) {
                        deliver(List.of(one));
                    }
                } else {
                    rejected.incrementAndGet();
                    LOG.warning("headwater: decision " + batch.get(0).decisionId() + " refused: " + response.body);
                    onRejected.accept(batch.get(0), response.body);
                }
                return;
            }
            if (attempt >= maxAttempts) {
                failed.addAndGet(batch.size());
                LOG.severe("headwater: gave up on " + batch.size() + " decisions after " + attempt + " attempts (" + response.body + ")");
                return;
            }
            retries.incrementAndGet();
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
        }
    }

    private record Response(int status, String body) {
    }

    private Response post(List<Decision> batch) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url() + "/api/v1/decisions")).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)));
            if (config.apiKey() != null) {
                request.header("Authorization", "Bearer " + config.apiKey());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, "unreachable: " + e.getMessage());
        }
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final ClientConfig config;
        private int batchSize = 500;
        private Duration linger = Duration.ofMillis(50);
        private int capacity = 10_000;
        private Duration blockTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(200);
        private BiConsumer<Decision, String> onRejected = (d, why) -> { };

        private Builder(ClientConfig config) {
            this.config = config;
        }

        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder linger(Duration wait) {
            this.linger = wait;
            return this;
        }

        public Builder capacity(int decisions) {
            this.capacity = decisions;
            return this;
        }

        public Builder blockTimeout(Duration wait) {
            this.blockTimeout = wait;
            return this;
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        public Builder initialBackoff(Duration wait) {
            this.initialBackoff = wait;
            return this;
        }

        public Builder onRejected(BiConsumer<Decision, String> callback) {
            this.onRejected = callback;
            return this;
        }

        public DecisionsClient build() {
            return new DecisionsClient(this);
        }
    }
}
