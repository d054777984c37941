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

        private Job() {
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

    /** The keys a node of this kind may carry (none for datasets, models and unknown kinds). */
    public static Set<String> keysOf(NodeKind kind) {
        return BY_KIND.getOrDefault(kind, Set.of());
    }

    private static Map<NodeKind, Set<String>> byKind() {
        Map<NodeKind, Set<String>> keys = new EnumMap<>(NodeKind.class);
        keys.put(NodeKind.JOB, Keys.of(Job.class));
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
    public static final List<String> SEARCHABLE = List.of(JobVersion.COMMIT, Environment.IMAGE_DIGEST, Environment.CONTAINER_IMAGE);
}
