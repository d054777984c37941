package io.headwater.ingest.kafka;

/**
 * The event is valid JSON that passed validation, yet cannot be stored: Avro cannot encode it, or it is
 * larger than a Kafka record may be. A bad record, not an outage: answered 422 (413 when too large) and
 * dead-lettered from the Kafka transport, never retried.
 */
public class UnstorableEventException extends RuntimeException {

    private final boolean tooLarge;

    public UnstorableEventException(String message, Throwable cause, boolean tooLarge) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
