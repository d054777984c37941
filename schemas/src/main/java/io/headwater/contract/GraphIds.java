package io.headwater.contract;

import io.headwater.avro.EdgeKind;

/**
 * Node and edge ids of the provenance graph. Node ids follow Marquez's forms, so a Marquez client's
 * {@code nodeId} works unchanged: {@code dataset:<namespace>:<name>}, {@code job:<namespace>:<name>},
 * {@code run:<uuid>}, a {@code #<version>} suffix for versions. Namespaces may hold colons
 * ({@code postgres://db:5432}); ids are built, never split, except by {@link NodeIdParser}.
 */
public final class GraphIds {

    /** Separates the parts of an edge id; cannot occur in a node id built from JSON strings we accept. */
    public static final char EDGE_SEPARATOR = '\u001f';

    private GraphIds() {
    }

    public static String dataset(String namespace, String name) {
        return "dataset:" + namespace + ":" + name;
    }

    public static String datasetVersion(String namespace, String name, String version) {
        return dataset(namespace, name) + "#" + version;
    }

    public static String job(String namespace, String name) {
        return "job:" + namespace + ":" + name;
    }

    public static String jobVersion(String namespace, String name, String version) {
        return job(namespace, name) + "#" + version;
    }

    public static String run(String runId) {
        return "run:" + runId;
    }

    public static String datasetField(String namespace, String name, String field) {
        return "datasetField:" + namespace + ":" + name + ":" + field;
    }

    public static String model(String name) {
        return "model:" + name;
    }

    public static String modelVersion(String name, String version) {
        return model(name) + "#" + version;
    }

    public static String environment(String hash) {
        return "environment:" + hash;
    }

    public static String alert(String alertId) {
        return "alert:" + alertId;
    }

    /** An edge's id: source, kind and target, so the same fact always has the same key on the compacted topic. */
    public static String edge(String source, EdgeKind kind, String target) {
        return source + EDGE_SEPARATOR + kind.name() + EDGE_SEPARATOR + target;
    }
}
