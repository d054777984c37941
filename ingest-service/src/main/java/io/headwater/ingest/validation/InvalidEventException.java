package io.headwater.ingest.validation;

import java.util.List;

/** The event is well-formed JSON but breaks the OpenLineage spec; answered with 422. */
public class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid event" : violations.get(0).pointer() + ": " + violations.get(0).detail());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
