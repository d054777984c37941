package io.headwater.contract.graph;

import io.headwater.avro.NodeKind;

import java.util.Objects;
import java.util.Optional;

/**
 * A node of the provenance graph by its id, built and parsed in this one place. The string forms follow
 * Marquez's, so a Marquez client's {@code nodeId} works unchanged:
 * <pre>
 *   dataset:&lt;namespace&gt;:&lt;name&gt;[#&lt;version&gt;]     job:&lt;namespace&gt;:&lt;name&gt;[#&lt;codeHash&gt;]
 *   datasetField:&lt;namespace&gt;:&lt;name&gt;:&lt;field&gt;       run:&lt;uuid&gt;
 *   model:&lt;name&gt;[#&lt;version&gt;]    environment:&lt;hash&gt;    alert:&lt;id&gt;    decision:&lt;id&gt;
 * </pre>
 * Namespaces may hold colons ({@code postgres://db:5432}), so parsing splits a dataset or job at the
 * <em>last</em> colon and a version at the last {@code #}: a name with a colon, or an unversioned name
 * with a {@code #}, parses into other parts than it was built from (its string, the graph's key, is
 * unaffected). No producer we know of names datasets or jobs that way.
 *
 * @param namespace null for kinds without one (run, model, environment, alert, decision)
 * @param name      the dataset, job or model name; the run id, environment hash, alert or decision id
 * @param version   set for the version kinds only
 * @param field     set for dataset fields only
 */
public record NodeId(NodeKind kind, String namespace, String name, String version, String field) {

    /** The forms, for API documentation and error messages (a test holds them to what {@link #value()} builds). */
    public static final String DATASET_FORM = "dataset:<namespace>:<name>";
    public static final String DATASET_VERSION_FORM = DATASET_FORM + "#<version>";
    public static final String FIELD_FORM = "datasetField:<namespace>:<name>:<field>";
    public static final String JOB_FORM = "job:<namespace>:<name>";
    public static final String RUN_FORM = "run:<runId>";
    public static final String MODEL_VERSION_FORM = "model:<name>#<version>";
    public static final String DECISION_FORM = "decision:<decisionId>";

    private static final String DATASET = "dataset";
    private static final String JOB = "job";
    private static final String FIELD = "datasetField";
    private static final String RUN = "run";
    private static final String MODEL = "model";
    private static final String ENVIRONMENT = "environment";
    private static final String ALERT = "alert";
    private static final String DECISION = "decision";
    private static final char PART = ':';
    private static final char VERSION = '#';

    public NodeId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static NodeId dataset(String namespace, String name) {
        return new NodeId(NodeKind.DATASET, namespace, name, null, null);
    }

    public static NodeId datasetVersion(String namespace, String name, String version) {
        return new NodeId(NodeKind.DATASET_VERSION, namespace, name, version, null);
    }

    public static NodeId datasetField(String namespace, String name, String field) {
        return new NodeId(NodeKind.DATASET_FIELD, namespace, name, null, field);
    }

    public static NodeId job(String namespace, String name) {
        return new NodeId(NodeKind.JOB, namespace, name, null, null);
    }

    public static NodeId jobVersion(String namespace, String name, String version) {
        return new NodeId(NodeKind.JOB_VERSION, namespace, name, version, null);
    }

    public static NodeId run(String runId) {
        return new NodeId(NodeKind.RUN, null, runId, null, null);
    }

    public static NodeId model(String name) {
        return new NodeId(NodeKind.MODEL, null, name, null, null);
    }

    public static NodeId modelVersion(String name, String version) {
        return new NodeId(NodeKind.MODEL_VERSION, null, name, version, null);
    }

    public static NodeId environment(String hash) {
        return new NodeId(NodeKind.ENVIRONMENT, null, hash, null, null);
    }

    public static NodeId alert(String alertId) {
        return new NodeId(NodeKind.ALERT, null, alertId, null, null);
    }

    public static NodeId decision(String decisionId) {
        return new NodeId(NodeKind.DECISION, null, decisionId, null, null);
    }

    /** The id's string form: the key of the node on the graph topics and in the stores. */
    public String value() {
        return switch (kind) {
            case DATASET -> DATASET + PART + namespace + PART + name;
            case DATASET_VERSION -> DATASET + PART + namespace + PART + name + VERSION + version;
            case DATASET_FIELD -> FIELD + PART + namespace + PART + name + PART + field;
            case JOB -> JOB + PART + namespace + PART + name;
            case JOB_VERSION -> JOB + PART + namespace + PART + name + VERSION + version;
            case RUN -> RUN + PART + name;
            case MODEL -> MODEL + PART + name;
            case MODEL_VERSION -> MODEL + PART + name + VERSION + version;
            case ENVIRONMENT -> ENVIRONMENT + PART + name;
            case ALERT -> ALERT + PART + name;
            case DECISION -> DECISION + PART + name;
            case UNKNOWN -> name;
        };
    }

    /** How a node of this id is named in the graph: the name, with its version or field where it has one. */
    public String label() {
        return switch (kind) {
            case DATASET_VERSION, JOB_VERSION, MODEL_VERSION -> name + VERSION + version;
            case DATASET_FIELD -> name + PART + field;
            default -> name;
        };
    }

    /** This dataset's, job's or model's id at a version; IllegalArgumentException for a kind without versions, or an id naming one already. */
    public NodeId atVersion(String atVersion) {
        if (version != null) {
            throw new IllegalArgumentException("'" + value() + "' names a version already");
        }
        return switch (kind) {
            case DATASET -> datasetVersion(namespace, name, atVersion);
            case JOB -> jobVersion(namespace, name, atVersion);
            case MODEL -> modelVersion(name, atVersion);
            default -> throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " has no versions");
        };
    }

    /** A version's dataset, job or model; a field's dataset; any other id itself. */
    public NodeId unversioned() {
        return switch (kind) {
            case DATASET_VERSION, DATASET_FIELD -> dataset(namespace, name);
            case JOB_VERSION -> job(namespace, name);
            case MODEL_VERSION -> model(name);
            default -> this;
        };
    }

    /** The prefix shared by the ids of all jobs (and job versions) of a namespace, for a prefix scan. */
    public static String jobIdPrefix(String namespace) {
        return JOB + PART + namespace + PART;
    }

    /** The prefix shared by the ids of all fields of a dataset, for a prefix scan. */
    public static String fieldIdPrefix(String namespace, String dataset) {
        return FIELD + PART + namespace + PART + dataset + PART;
    }

    public boolean isVersion() {
        return version != null;
    }

    @Override
    public String toString() {
        return value();
    }

    /** Reads an id built by this class; throws {@link IllegalArgumentException} naming what does not fit. */
    public static NodeId parse(String id) {
        return tryParse(id).orElseThrow(() -> new IllegalArgumentException("not a Headwater node id: '" + id
                + "' (expected dataset:<namespace>:<name>, job:<namespace>:<name>, run:<id>, model:<name>, each optionally #<version>)"));
    }

    public static Optional<NodeId> tryParse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int colon = id.indexOf(PART);
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        String prefix = id.substring(0, colon);
        String rest = id.substring(colon + 1);
        return switch (prefix) {
            case DATASET -> namespaced(rest, NodeKind.DATASET, NodeKind.DATASET_VERSION);
            case JOB -> namespaced(rest, NodeKind.JOB, NodeKind.JOB_VERSION);
            case FIELD -> field(rest);
            case MODEL -> {
                int hash = rest.lastIndexOf(VERSION);
                yield hash < 0 ? Optional.of(model(rest))
                        : hash == 0 || hash == rest.length() - 1 ? Optional.empty()
                        : Optional.of(modelVersion(rest.substring(0, hash), rest.substring(hash + 1)));
            }
            case RUN -> Optional.of(run(rest));
            case ENVIRONMENT -> Optional.of(environment(rest));
            case ALERT -> Optional.of(alert(rest));
            case DECISION -> Optional.of(decision(rest));
            default -> Optional.empty();
        };
    }

    private static Optional<NodeId> namespaced(String rest, NodeKind plain, NodeKind versioned) {
        int hash = rest.lastIndexOf(VERSION);
        String base = hash < 0 ? rest : rest.substring(0, hash);
        String version = hash < 0 ? null : rest.substring(hash + 1);
        int split = base.lastIndexOf(PART);
        if (split <= 0 || split == base.length() - 1 || (version != null && version.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new NodeId(version == null ? plain : versioned, base.substring(0, split), base.substring(split + 1), version, null));
    }

    private static Optional<NodeId> field(String rest) {
        int last = rest.lastIndexOf(PART);
        int middle = last <= 0 ? -1 : rest.lastIndexOf(PART, last - 1);
        if (middle <= 0 || last == rest.length() - 1 || last == middle + 1) {
            return Optional.empty();
        }
        return Optional.of(datasetField(rest.substring(0, middle), rest.substring(middle + 1, last), rest.substring(last + 1)));
    }
}
