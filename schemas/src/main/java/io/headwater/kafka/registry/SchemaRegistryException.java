package io.headwater.kafka.registry;

/** A registry answered with an error, carrying Confluent's HTTP status and error code. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The registry could not be reached or failed (no answer, 5xx): an outage to wait out, not a bad record. */
    public boolean isUnavailable() {
        return status <= 0 || status >= 500;
    }

    /** Whether an outage of the registry is somewhere in the cause chain of {@code error}. */
    public static boolean unavailableIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry && registry.isUnavailable()) {
                return true;
            }
        }
        return false;
    }
}
