package io.headwater.ingest.rest;

import io.headwater.ingest.kafka.KafkaUnavailableException;
import io.headwater.ingest.validation.PayloadTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads request bodies (after gzip decompression) without letting them exhaust the heap: a body is read
 * in chunks, each charged to one budget shared by all requests; reading stops at the endpoint's size
 * limit (413, so a gzip bomb never inflates past it) and a request that cannot get budget within
 * {@code headwater.ingest.body-wait} is answered 503 with Retry-After, while the others go on. A body
 * costs about {@link #COST_FACTOR} times its size while it is parsed, validated and encoded, so that is
 * what is charged; the budget is returned when the request ends.
 */
@ApplicationScoped
public class RequestBodies {

    static final int COST_FACTOR = 4;
    private static final int CHUNK = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    private final Semaphore budgetKiB;
    private final long budgetBytes;
    private final long waitMillis;

    public RequestBodies(@ConfigProperty(name = "headwater.ingest.max-inflight-body-bytes") Optional<Long> configured,
                         @ConfigProperty(name = "headwater.ingest.body-wait") java.time.Duration wait) {
        // Half the heap by default: the rest is Kafka's producer buffer, caches and everything else.
        this.budgetBytes = configured.orElse(Runtime.getRuntime().maxMemory() / 2);
        this.budgetKiB = new Semaphore((int) Math.min(Integer.MAX_VALUE, budgetBytes / 1024), true);
        this.waitMillis = wait.toMillis();
    }

    /** The largest body a request may send so that it always fits the budget on its own. */
    long largestServable() {
        return budgetBytes / COST_FACTOR;
    }

    /**
     * Reads the whole body, at most {@code limit} bytes (413 beyond, naming {@code limitKey}); close the result
     * when done. A body that declares its length (Content-Length; compressed, for gzip) is charged for it at
     * once, so concurrent large requests are served one after another rather than each holding part of the
     * budget and none finishing; what is read beyond it (gzip) is charged as it comes.
     */
    public Body read(InputStream in, Long declaredLength, long limit, String limitKey) {
        Body body = new Body();
        try {
            if (declaredLength != null && declaredLength > limit) {
                throw new PayloadTooLargeException(declaredLength, limit, limitKey);
            }
            long prepaid = declaredLength == null || declaredLength < 0 ? 0 : declaredLength;
            body.charge(prepaid);
            byte[] chunk = new byte[CHUNK];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(CHUNK);
            int n;
            while ((n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                if (out.size() + (long) n > limit) {
                    throw new PayloadTooLargeException("more than", limit, limitKey);
                }
                long beyond = Math.min(n, out.size() + (long) n - prepaid);
                if (beyond > 0) {
                    body.charge(beyond);
                }
                out.write(chunk, 0, n);
                if (n < CHUNK) {
                    break;
                }
            }
            body.bytes = out.toByteArray();
            return body;
        } catch (IOException e) {
            body.close();
            throw new UncheckedIOException("could not read the request body: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            body.close();
            throw e;
        }
    }

    /** A body read into memory, holding its share of the budget until closed. */
    public final class Body implements AutoCloseable {
        private byte[] bytes = new byte[0];
        private int heldKiB;

        public byte[] bytes() {
            return bytes;
        }

        private void charge(long bytes) {
            if (bytes <= 0) {
                return;
            }
            int kib = (int) Math.max(1, (bytes * COST_FACTOR + 1023) / 1024);
            try {
                if (!budgetKiB.tryAcquire(kib, waitMillis, TimeUnit.MILLISECONDS)) {
                    LOG.warnf("request bodies in flight use the whole budget (%d MiB); answering 503", budgetBytes >> 20);
                    throw new KafkaUnavailableException("ingest is busy with other large requests (headwater.ingest.max-inflight-body-bytes)", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while waiting for memory", e);
            }
            heldKiB += kib;
        }

        @Override
        public void close() {
            if (heldKiB > 0) {
                budgetKiB.release(heldKiB);
                heldKiB = 0;
            }
            bytes = null;
        }
    }
}
