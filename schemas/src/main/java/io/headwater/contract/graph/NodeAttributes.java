package io.headwater.contract.graph;

import io.headwater.avro.NodeKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of {@code GraphNode.attributes}, per node kind: the one definition that lineage-streams
 * writes and every reader (query-service, benchmarks, clients of the graph topics) reads. Values are
 * strings; times are ISO-8601 instants, ids are {@link NodeId} values.
 */
public final class NodeAttributes {

    private NodeAttributes() {
    }

    /** A job: how OpenLineage's jobType facet describes it. */
    public static final class Job {
        public static final String JOB_TYPE = "jobType";
        /** BATCH or STREAMING. */
        public static final String PROCESSING_TYPE = "processingType";
        public static final String INTEGRATION = "integration";
        /** The documentation facet's description. */
        public static final String DESCRIPTION = Described.DESCRIPTION;
        /** The tags facet: {@code key=value} entries, {@link #LIST_SEPARATOR}-joined. */
        public static final String TAGS = Described.TAGS;
        /** The ownership facet: owner names ({@code team:payments}), {@link #LIST_SEPARATOR}-joined. */
        public static final String OWNERS = Described.OWNERS;

        private Job() {
        }
    }

    /** A dataset: what its producers said of it (datasetType, documentation, tags, ownership, catalog, symlinks facets). */
    public static final class Dataset {
        /** TABLE, VIEW, TOPIC, STREAM, FILE, MODEL, ... */
        public static final String DATASET_TYPE = "datasetType";
        public static final String DATASET_SUB_TYPE = "datasetSubType";
        public static final String DESCRIPTION = Described.DESCRIPTION;
        /** Dataset-level tags as {@code key=value}; a column's tags are on its field in the node's detail. */
        public static final String TAGS = Described.TAGS;
        public static final String OWNERS = Described.OWNERS;
        /**
         * The dataset's other names (symlinks facet), as dataset node ids: the storage path a table was
         * sent as, a Flink table's catalog name. Searching one finds the dataset.
         */
        public static final String ALIASES = "aliases";
        public static final String CATALOG_NAME = "catalogName";
        /** The catalog's framework: hive, iceberg, unity, glue, ... */
        public static final String CATALOG_FRAMEWORK = "catalogFramework";
        public static final String CATALOG_TYPE = "catalogType";
        public static final String CATALOG_METADATA_URI = "catalogMetadataUri";
        public static final String CATALOG_WAREHOUSE_URI = "catalogWarehouseUri";

        private Dataset() {
        }
    }

    /** Keys that jobs, datasets and runs share, so one index serves them all. */
    private static final class Described {
        static final String DESCRIPTION = "description";
        static final String TAGS = "tags";
        static final String OWNERS = "owners";
    }

    /** The separator of list-valued attributes ({@link #LIST_VALUED}). */
    public static final String LIST_SEPARATOR = ",";

    /** Attributes holding a {@link #LIST_SEPARATOR}-joined list; each element is indexed and searched alone. */
    public static final java.util.Set<String> LIST_VALUED = java.util.Set.of(Described.TAGS, Described.OWNERS, Dataset.ALIASES);

    /** What a producer measured of a dataset version, as a writer (version node) or a reader (READ edge). */
    public static final class Measures {
        public static final String ROW_COUNT = "rowCount";
        public static final String BYTES = "bytes";
        public static final String FILE_COUNT = "fileCount";
        /** How many data quality assertions passed / failed. */
        public static final String ASSERTIONS_PASSED = "assertionsPassed";
        public static final String ASSERTIONS_FAILED = "assertionsFailed";
        /** The failed assertions' names, {@link #LIST_SEPARATOR}-joined. */
        public static final String FAILED_ASSERTIONS = "failedAssertions";

        private Measures() {
        }
    }

    /** A job version: its code. */
    public static final class JobVersion {
        public static final String REPO_URL = "repoUrl";
        public static final String URL = "url";
        public static final String PATH = "path";
        public static final String COMMIT = "commit";
        public static final String BRANCH = "branch";
        public static final String TAG = "tag";
        /** The version control system (git). */
        public static final String VCS = "vcs";
        public static final String SQL = "sql";
        public static final String LANGUAGE = "language";

        private JobVersion() {
        }
    }

    /** A run. */
    public static final class Run {
        /** The OpenLineage run state: START, RUNNING, COMPLETE, FAIL, ABORT. */
        public static final String STATE = "state";
        public static final String START_TIME = "startTime";
        public static final String END_TIME = "endTime";
        /** The job's node id. */
        public static final String JOB = "job";
        /** The job version's node id. */
        public static final String JOB_VERSION = "jobVersion";
        /** The parent run's node id. */
        public static final String PARENT_RUN = "parentRun";
        /** The environment's node id. */
        public static final String ENVIRONMENT = "environment";
        /** "true" when the code ran with uncommitted changes. */
        public static final String SOURCE_DIRTY = "sourceDirty";
        public static final String ERROR_MESSAGE = "errorMessage";
        /** The tags run facet, as {@code key=value}. */
        public static final String TAGS = Described.TAGS;
        /** How many events described the run; the merge of two projections keeps the one that saw more. */
        public static final String EVENTS = "events";

        private Run() {
        }
    }

    /** An environment: where a run ran. */
    public static final class Environment {
        public static final String RUNTIME = "runtime";
        public static final String RUNTIME_VERSION = "runtimeVersion";
        public static final String OS = "os";
        public static final String CONTAINER_IMAGE = "containerImage";
        public static final String IMAGE_DIGEST = "imageDigest";
        public static final String GPU_MODEL = "gpuModel";
        public static final String GPU_COUNT = "gpuCount";
        public static final String PACKAGE_COUNT = "packageCount";

        private Environment() {
        }
    }

    /** A model version. */
    public static final class ModelVersion {
        public static final String URI = "uri";
        public static final String DIGEST = "digest";
        public static final String FRAMEWORK = "framework";
        /** The node id of the run that produced it. */
        public static final String TRAINING_RUN = "trainingRun";

        private ModelVersion() {
        }
    }

    /** A dataset version. */
    public static final class DatasetVersion {
        /** The dataset's node id. */
        public static final String DATASET = "dataset";
        public static final String VERSION = "version";
        /** The node id of the run that wrote it; absent when a reader named a version no writer was seen for. */
        public static final String WRITTEN_BY = "writtenBy";
        public static final String WRITTEN_AT = "writtenAt";
        /** What the writer measured (outputStatistics, dataQualityMetrics, dataQualityAssertions); column metrics are in the detail. */
        public static final String ROW_COUNT = Measures.ROW_COUNT;
        public static final String BYTES = Measures.BYTES;
        public static final String FILE_COUNT = Measures.FILE_COUNT;
        public static final String ASSERTIONS_PASSED = Measures.ASSERTIONS_PASSED;
        public static final String ASSERTIONS_FAILED = Measures.ASSERTIONS_FAILED;
        public static final String FAILED_ASSERTIONS = Measures.FAILED_ASSERTIONS;

        private DatasetVersion() {
        }
    }

    /** A column of a dataset. */
    public static final class DatasetField {
        /** The dataset's node id. */
        public static final String DATASET = "dataset";
        public static final String FIELD = "field";

        private DatasetField() {
        }
    }

    /** A drift alert. */
    public static final class Alert {
        /** The model version's node id. */
        public static final String MODEL_VERSION = "modelVersion";
        public static final String FEATURE = "feature";
        public static final String METRIC = "metric";
        public static final String VALUE = "value";
        public static final String THRESHOLD = "threshold";
        public static final String SEVERITY = "severity";
        public static final String STATE = "state";

        private Alert() {
        }
    }

    /** A decision, as provenance answers show it (decisions are not graph topic nodes). */
    public static final class Decision {
        public static final String MODEL_VERSION = "modelVersion";

        private Decision() {
        }
    }

    private static final Map<NodeKind, Set<String>> BY_KIND = byKind();

    /** The keys a node of this kind may carry (none for models and unknown kinds). */
    public static Set<String> keysOf(NodeKind kind) {
        return BY_KIND.getOrDefault(kind, Set.of());
    }

    private static Map<NodeKind, Set<String>> byKind() {
        Map<NodeKind, Set<String>> keys = new EnumMap<>(NodeKind.class);
        keys.put(NodeKind.JOB, Keys.of(Job.class));
        keys.put(NodeKind.DATASET, Keys.of(Dataset.class));
        keys.put(NodeKind.JOB_VERSION, Keys.of(JobVersion.class));
        keys.put(NodeKind.RUN, Keys.of(Run.class));
        keys.put(NodeKind.ENVIRONMENT, Keys.of(Environment.class));
        keys.put(NodeKind.MODEL_VERSION, Keys.of(ModelVersion.class));
        keys.put(NodeKind.DATASET_VERSION, Keys.of(DatasetVersion.class));
        keys.put(NodeKind.DATASET_FIELD, Keys.of(DatasetField.class));
        keys.put(NodeKind.ALERT, Keys.of(Alert.class));
        keys.put(NodeKind.DECISION, Keys.of(Decision.class));
        return keys;
    }

    /** Attributes whose values are searchable ("which models share commit C or image I"). */
    public static final List<String> SEARCHABLE = List.of(JobVersion.COMMIT, Environment.IMAGE_DIGEST, Environment.CONTAINER_IMAGE,
            Described.TAGS, Described.OWNERS, Dataset.ALIASES);

    /** An attribute's values: the elements of a {@link #LIST_VALUED} one, else the value itself. */
    public static List<String> values(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return LIST_VALUED.contains(attribute) ? List.of(value.split(LIST_SEPARATOR)) : List.of(value);
    }
}
