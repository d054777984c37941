package io.headwater.query.errors;

/**
 * The question cannot be answered right now but can be shortly; answered with 503 and Retry-After. The
 * problem type names the cause, so a client (and an operator reading it) knows which:
 * {@code loading} ({@link GraphNotReadyException}), {@code peer-unavailable} (another instance holds the
 * answer and did not give it), {@code kafka-unavailable} (a write was not acknowledged).
 */
public class UnavailableException extends RuntimeException {

    private final String problemType;
    private final String title;

    protected UnavailableException(String problemType, String title, String message, Throwable cause) {
        super(message, cause);
        this.problemType = problemType;
        this.title = title;
    }

    /** Another query-service instance holds the answer (its partition of the decisions) and did not give it. */
    public static UnavailableException peerDidNotAnswer(String message, Throwable cause) {
        return new UnavailableException("peer-unavailable", "Another instance did not answer", message, cause);
    }

    /** A write this service makes (a webhook subscription) was not acknowledged by Kafka. */
    public static UnavailableException kafkaDidNotAcknowledge(String message, Throwable cause) {
        return new UnavailableException("kafka-unavailable", "Kafka did not acknowledge", message, cause);
    }

    /** The problem type's last path segment. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
