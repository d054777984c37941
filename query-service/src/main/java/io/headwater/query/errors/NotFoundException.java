package io.headwater.query.errors;

/** What was asked for is not known (a node, a run, a decision, a model version); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }

    public static NotFoundException of(String what, String id) {
        return new NotFoundException("no " + what + " with id '" + id + "'");
    }
}
