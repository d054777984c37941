package io.headwater.ingest.validation;

/** The body is not a JSON document at all (bad syntax, bad UTF-8, empty); answered with 400. */
public class MalformedBodyException extends RuntimeException {

    private final String pointer;

    public MalformedBodyException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
