package io.headwater.ingest.rest;

import io.headwater.contract.RecordSizes;
import io.headwater.ingest.validation.PayloadTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The size limits of request bodies, answered with a 413 problem naming the limit. They are checked
 * against each other at start, so that sizes agree from HTTP limit to Kafka record: one event fits a
 * Kafka record ({@link RecordSizes#MAX_RECORD_BYTES}, with room for its normalised fields), and the
 * largest batch fits the memory budget for bodies in flight ({@link RequestBodies}).
 */
@ApplicationScoped
public class IngestLimits {

    /** Room in a Kafka record beside the raw event: its normalised fields (trimmed when large), headers, framing. */
    static final long RECORD_MARGIN = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(IngestLimits.class);

    private final long maxEventBytes;
    private final long maxBatchBytes;
    private final int maxBatchEvents;
    private final RequestBodies bodies;

    public IngestLimits(@ConfigProperty(name = "headwater.ingest.max-event-bytes") long maxEventBytes,
                        @ConfigProperty(name = "headwater.ingest.max-batch-bytes") long maxBatchBytes,
                        @ConfigProperty(name = "headwater.ingest.max-batch-events") int maxBatchEvents,
                        @ConfigProperty(name = "headwater.ingest.max-decision-bytes") long maxDecisionBytes,
                        RequestBodies bodies) {
        if (maxEventBytes > RecordSizes.MAX_RECORD_BYTES - RECORD_MARGIN) {
            throw new IllegalArgumentException("headwater.ingest.max-event-bytes=" + maxEventBytes + " does not fit a Kafka record of "
                    + RecordSizes.MAX_RECORD_BYTES + " bytes with its normalised fields; at most " + (RecordSizes.MAX_RECORD_BYTES - RECORD_MARGIN));
        }
        if (maxDecisionBytes > maxEventBytes) {
            throw new IllegalArgumentException("headwater.ingest.max-decision-bytes must not exceed headwater.ingest.max-event-bytes");
        }
        long servable = bodies.largestServable();
        if (maxBatchBytes > servable) {
            LOG.warnf("headwater.ingest.max-batch-bytes=%d does not fit the memory for bodies in flight (%d bytes for one request with %d MiB of heap); "
                    + "batches are limited to %d bytes", maxBatchBytes, servable, Runtime.getRuntime().maxMemory() >> 20, servable);
            maxBatchBytes = servable;
        }
        this.maxEventBytes = Math.min(maxEventBytes, maxBatchBytes);
        this.maxBatchBytes = maxBatchBytes;
        this.maxBatchEvents = maxBatchEvents;
        this.bodies = bodies;
    }

    /** One event's body, read within its limit. */
    RequestBodies.Body event(java.io.InputStream in, Long declaredLength) {
        return bodies.read(in, declaredLength, maxEventBytes, "headwater.ingest.max-event-bytes");
    }

    /** A batch's body, read within its limit. */
    RequestBodies.Body batch(java.io.InputStream in, Long declaredLength) {
        return bodies.read(in, declaredLength, maxBatchBytes, "headwater.ingest.max-batch-bytes");
    }

    int maxBatchEvents() {
        return maxBatchEvents;
    }
}
