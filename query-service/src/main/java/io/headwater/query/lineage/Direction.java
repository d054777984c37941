package io.headwater.query.lineage;

import java.util.Locale;
import java.util.Optional;

/** Which way a traversal follows edges: towards sources (upstream), consumers (downstream), or both as Marquez does. */
public enum Direction {
    UPSTREAM, DOWNSTREAM, BOTH;

    public static Optional<Direction> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
