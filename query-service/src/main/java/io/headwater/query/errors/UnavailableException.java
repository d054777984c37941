package io.headwater.query.errors;

/**
 * The question cannot be answered right now but can be shortly; answered with 503 and Retry-After.
 * Each subclass names one cause, so a client (and an operator reading the problem type) knows which.
 */
public abstract class UnavailableException extends RuntimeException {

    protected UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The problem type's last path segment. */
    public abstract String problemType();

    /** The problem's title. */
    public abstract String title();
}
