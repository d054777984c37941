package io.headwater.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The size limits of request bodies, answered with a 413 problem naming the limit. */
@ApplicationScoped
public class IngestLimits {

    private final long maxEventBytes;
    private final long maxBatchBytes;
    private final int maxBatchEvents;

    public IngestLimits(@ConfigProperty(name = "headwater.ingest.max-event-bytes") long maxEventBytes,
                        @ConfigProperty(name = "headwater.ingest.max-batch-bytes") long maxBatchBytes,
                        @ConfigProperty(name = "headwater.ingest.max-batch-events") int maxBatchEvents) {
        this.maxEventBytes = maxEventBytes;
        this.maxBatchBytes = maxBatchBytes;
        this.maxBatchEvents = maxBatchEvents;
    }

    void checkEvent(byte[] body) {
        if (body != null && body.length > maxEventBytes) {
            throw new PayloadTooLargeException(body.length, maxEventBytes, "headwater.ingest.max-event-bytes");
        }
    }

    void checkBatch(byte[] body) {
        if (body != null && body.length > maxBatchBytes) {
            throw new PayloadTooLargeException(body.length, maxBatchBytes, "headwater.ingest.max-batch-bytes");
        }
    }

    int maxBatchEvents() {
        return maxBatchEvents;
    }

    /** The body is larger than a configured limit. */
    public static class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException(long size, long limit, String key) {
            super("the body is " + size + " bytes, more than the limit of " + limit + " (" + key + ")");
        }
    }
}
