package io.headwater.ingest.validation;

/** The body is larger than a configured limit. */
public class PayloadTooLargeException extends RuntimeException {
    private final String pointer;

    public PayloadTooLargeException(long size, long limit, String key) {
        this("the body is " + size + " bytes, more than the limit of " + limit + " (" + key + ")", "");
    }

    public PayloadTooLargeException(String more, long limit, String key) {
        this("the body is " + more + " " + limit + " bytes, the limit (" + key + ")", "");
    }

    public PayloadTooLargeException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    /** Where in the body the item that is too large sits ("" for the whole body). */
    public String pointer() {
        return pointer;
    }
}
