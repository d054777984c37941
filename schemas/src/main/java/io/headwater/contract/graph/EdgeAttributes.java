package io.headwater.contract.graph;

import io.headwater.avro.EdgeKind;

import java.util.Set;

/** The keys of {@code GraphEdge.attributes}, per edge kind. */
public final class EdgeAttributes {

    private EdgeAttributes() {
    }

    /** The keys an edge of this kind may carry (none for most kinds). */
    public static Set<String> keysOf(EdgeKind kind) {
        return switch (kind) {
            case READ -> Keys.of(Read.class);
            case DERIVED_FROM -> Keys.of(DerivedFrom.class);
            default -> Set.of();
        };
    }

    /** READ: a dataset (version) read by a run. */
    public static final class Read {
        /** When the run first named the input. */
        public static final String READ_AT = "readAt";
        /** What the input was to the run (training, validation, ...), from Headwater's datasetRole facet. */
        public static final String ROLE = "role";

        private Read() {
        }
    }

    /** DERIVED_FROM: an output column computed from an input column. */
    public static final class DerivedFrom {
        /** The column lineage facet's transformations, comma-separated. */
        public static final String TRANSFORMATIONS = "transformations";

        private DerivedFrom() {
        }
    }
}
