package io.headwater.contract.graph;

import io.headwater.avro.EdgeKind;

import java.util.Optional;

/**
 * An edge of the provenance graph by its id: source, kind and target, so the same fact always has the
 * same key on the compacted edge topic. The parts are joined by {@link #SEPARATOR}, which no node id
 * built from the JSON strings we accept can hold.
 */
public record EdgeId(String source, EdgeKind kind, String target) {

    public static final char SEPARATOR = '\u001f';

    public static EdgeId of(String source, EdgeKind kind, String target) {
        return new EdgeId(source, kind, target);
    }

    public String value() {
        return source + SEPARATOR + kind.name() + SEPARATOR + target;
    }

    @Override
    public String toString() {
        return value();
    }

    public static Optional<EdgeId> tryParse(String id) {
        int first = id.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : id.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EdgeId(id.substring(0, first), EdgeKind.valueOf(id.substring(first + 1, second)), id.substring(second + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
