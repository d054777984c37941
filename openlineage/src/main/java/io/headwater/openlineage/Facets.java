package io.headwater.openlineage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The facets Headwater reads, by the key they have in an event's {@code facets} object: OpenLineage's
 * standard ones, and Headwater's own (JSON Schemas in {@code headwater/facets/} on the classpath, under
 * {@link #HEADWATER_SCHEMA_BASE}). Any other facet is kept verbatim in the raw event and not read.
 */
public final class Facets {

    /** Where Headwater's facet schemas are published; {@code _schemaURL} of a Headwater facet starts with it. */
    public static final String HEADWATER_SCHEMA_BASE = "https://headwater.dev/spec/facets/1-0-0/";

    // OpenLineage's standard facets, run
    public static final String PARENT = "parent";
    public static final String ERROR_MESSAGE = "errorMessage";
    public static final String NOMINAL_TIME = "nominalTime";
    public static final String EXECUTION_PARAMETERS = "executionParameters";
    // job
    public static final String SOURCE_CODE_LOCATION = "sourceCodeLocation";
    public static final String SOURCE_CODE = "sourceCode";
    public static final String SQL = "sql";
    public static final String JOB_TYPE = "jobType";
    // job and dataset
    public static final String DOCUMENTATION = "documentation";
    public static final String OWNERSHIP = "ownership";
    public static final String TAGS = "tags";
    // dataset
    public static final String SCHEMA = "schema";
    public static final String VERSION = "version";
    public static final String COLUMN_LINEAGE = "columnLineage";
    public static final String SYMLINKS = "symlinks";
    public static final String DATASET_TYPE = "datasetType";
    public static final String CATALOG = "catalog";
    public static final String DATA_QUALITY_ASSERTIONS = "dataQualityAssertions";
    // input and output dataset facets
    public static final String INPUT_STATISTICS = "inputStatistics";
    public static final String OUTPUT_STATISTICS = "outputStatistics";
    public static final String DATA_QUALITY_METRICS = "dataQualityMetrics";

    private Facets() {
    }

    /** Headwater's own facets: their key in an event and the name of their schema. */
    public enum Headwater {
        PARAMETERS("headwater_parameters", "HeadwaterParametersRunFacet"),
        METRICS("headwater_metrics", "HeadwaterMetricsRunFacet"),
        ENVIRONMENT("headwater_environment", "HeadwaterEnvironmentRunFacet"),
        REFERENCE_PROFILE("headwater_referenceProfile", "HeadwaterReferenceProfileRunFacet"),
        MODEL_ARTIFACT("headwater_modelArtifact", "HeadwaterModelArtifactDatasetFacet"),
        DATASET_ROLE("headwater_datasetRole", "HeadwaterDatasetRoleInputDatasetFacet");

        private final String key;
        private final String schemaName;

        Headwater(String key, String schemaName) {
            this.key = key;
            this.schemaName = schemaName;
        }

        /** The facet's key in the event's facets object. */
        public String key() {
            return key;
        }

        /** The schema's name: its file {@code headwater/facets/<name>.json} and its {@code $defs} entry. */
        public String schemaName() {
            return schemaName;
        }

        /** The facet's {@code _schemaURL}. */
        public String schemaUrl() {
            return HEADWATER_SCHEMA_BASE + schemaName + ".json";
        }

        public static Optional<Headwater> byKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }
    }
}
