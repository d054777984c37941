package io.headwater.schemaregistry.model;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility modes. Transitive modes check against every live version, not only the latest. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** New readers must read data written with the earlier schemas. */
    public boolean backward() {
        return backward;
    }

    /** Earlier readers must read data written with the new schema. */
    public boolean forward() {
        return forward;
    }

    public boolean transitive() {
        return transitive;
    }

    public static Optional<CompatibilityLevel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
