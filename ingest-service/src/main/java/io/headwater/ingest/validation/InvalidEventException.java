package io.headwater.ingest.validation;

import java.util.List;

/** A well-formed JSON body that breaks its schema (which one: {@link Payload}); answered with 422 naming every field. */
public class InvalidEventException extends RuntimeException {

    /** What was sent, with the problem type and title a client sees when it is invalid. */
    public enum Payload {
        LINEAGE_EVENT("invalid-event", "The event breaks the OpenLineage spec"),
        DECISION("invalid-decision", "The decision breaks its schema"),
        DEPLOYMENT("invalid-deployment", "The deployment breaks its schema"),
        MONITORING_WINDOW("invalid-monitoring-window", "The monitoring window breaks its schema");

        private final String problemType;
        private final String title;

        Payload(String problemType, String title) {
            this.problemType = problemType;
            this.title = title;
        }

        public String problemType() {
            return problemType;
        }

        public String title() {
            return title;
        }
    }

    private final Payload payload;
    private final List<Violation> violations;

    public InvalidEventException(Payload payload, List<Violation> violations) {
        super(violations.isEmpty() ? "invalid " + payload.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                : violations.get(0).pointer() + ": " + violations.get(0).detail());
        this.payload = payload;
        this.violations = List.copyOf(violations);
    }

    /** An OpenLineage event. */
    public InvalidEventException(List<Violation> violations) {
        this(Payload.LINEAGE_EVENT, violations);
    }

    public Payload payload() {
        return payload;
    }

    public List<Violation> violations() {
        return violations;
    }
}
