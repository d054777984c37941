package io.headwater.ingest.validation;

import java.util.List;

/** The sender's key may not write the event's job or dataset namespace; answered with 403, and nothing is stored. */
public class NamespaceNotAllowedException extends InvalidEventException {

    public NamespaceNotAllowedException(List<Violation> violations) {
        super(violations);
    }
}
