package io.headwater.contract.graph;

import io.headwater.avro.EdgeKind;

import java.util.Set;
import java.util.TreeSet;

/** The keys of {@code GraphEdge.attributes}, per edge kind. */
public final class EdgeAttributes {

    private EdgeAttributes() {
    }

    /** The keys an edge of this kind may carry (none for most kinds). */
    public static Set<String> keysOf(EdgeKind kind) {
        return switch (kind) {
            case READ -> Keys.of(Read.class);
            case DERIVED_FROM -> union(Keys.of(DerivedFrom.class), Keys.of(Lineage.class));
            case INPUT_TO, OUTPUT_OF -> Keys.of(Lineage.class);
            default -> Set.of();
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** READ: a dataset (version) read by a run. */
    public static final class Read {
        /** When the run first named the input. */
        public static final String READ_AT = "readAt";
        /** What the input was to the run (training, validation, ...), from Headwater's datasetRole facet. */
        public static final String ROLE = "role";
        /** What the reader measured of what it read (inputStatistics, dataQualityMetrics, dataQualityAssertions). */
        public static final String ROW_COUNT = NodeAttributes.Measures.ROW_COUNT;
        public static final String BYTES = NodeAttributes.Measures.BYTES;
        public static final String FILE_COUNT = NodeAttributes.Measures.FILE_COUNT;
        public static final String ASSERTIONS_PASSED = NodeAttributes.Measures.ASSERTIONS_PASSED;
        public static final String ASSERTIONS_FAILED = NodeAttributes.Measures.ASSERTIONS_FAILED;
        public static final String FAILED_ASSERTIONS = NodeAttributes.Measures.FAILED_ASSERTIONS;

        private Read() {
        }
    }

    /**
     * INPUT_TO, OUTPUT_OF, DERIVED_FROM: how the lineage is known. Observed: a run's events showed it.
     * Declared: a JobEvent stated it at design time (static lineage). An edge may be both; one
     * declared and never observed is lineage the job says it has that no run has shown yet.
     */
    public static final class Lineage {
        /** "true" when a JobEvent declared the edge. */
        public static final String DECLARED = "declared";
        /** "true" when a run's events showed the edge. */
        public static final String OBSERVED = "observed";

        private Lineage() {
        }
    }

    /** DERIVED_FROM: an output column computed from an input column. */
    public static final class DerivedFrom {
        /** The column lineage facet's transformations, comma-separated. */
        public static final String TRANSFORMATIONS = "transformations";
        /**
         * "true" when the input affects the output dataset as a whole (column lineage 1-2-0's
         * dataset-level dependencies: a filter, join or group-by key), so the edge goes to every output column;
         * on an input that also derives the column directly, its transformations list both.
         */
        public static final String DATASET_LEVEL = "datasetLevel";

        private DerivedFrom() {
        }
    }
}
