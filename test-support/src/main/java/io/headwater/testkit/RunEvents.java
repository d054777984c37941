package io.headwater.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.openlineage.Facets;

import java.time.Instant;
import java.util.Map;

/**
 * Builds an OpenLineage RunEvent with Headwater's facets, as a training script's emitter would send it,
 * for tests and benchmarks: each facet carries its {@code _producer} and the {@code _schemaURL} ingest
 * validates it against ({@link Facets}).
 * <pre>
 *   String start = RunEvents.run("START", runId, time).job("ml", "churn-train").parameter("epochs", 20)
 *           .input("s3://lake", "customers", "training").json();
 * </pre>
 */
public final class RunEvents {

    public static final String PRODUCER = "https://github.com/headwater/e2e";
    private static final String OPENLINEAGE = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    private final ObjectNode event = Http.JSON.createObjectNode();
    private final ObjectNode runFacets;
    private final ObjectNode job;
    private final ArrayNode inputs;
    private final ArrayNode outputs;

    private RunEvents(String eventType, String runId, String eventTime) {
        event.put("eventType", eventType).put("eventTime", eventTime).put("producer", PRODUCER).put("schemaURL", OPENLINEAGE);
        runFacets = event.putObject("run").put("runId", runId).putObject("facets");
        job = event.putObject("job");
        inputs = event.putArray("inputs");
        outputs = event.putArray("outputs");
        job("ml", "train");
    }

    public static RunEvents run(String eventType, String runId, Instant eventTime) {
        return new RunEvents(eventType, runId, eventTime.toString());
    }

    public static RunEvents run(String eventType, String runId, String eventTime) {
        return new RunEvents(eventType, runId, eventTime);
    }

    public RunEvents job(String namespace, String name) {
        job.put("namespace", namespace).put("name", name);
        return this;
    }

    /** OpenLineage's sourceCodeLocation job facet (git). */
    public RunEvents gitSource(String url, String path, String commit, String branch) {
        ObjectNode location = job.withObjectProperty("facets").putObject(Facets.SOURCE_CODE_LOCATION)
                .put("_producer", PRODUCER)
                .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet")
                .put("type", "git").put("url", url).put("repoUrl", url + ".git").put("path", path).put("version", commit);
        if (branch != null) {
            location.put("branch", branch);
        }
        return this;
    }

    public RunEvents parameter(String name, Object value) {
        facet(runFacets, Facets.Headwater.PARAMETERS).withObjectProperty("parameters").set(name, Http.JSON.valueToTree(value));
        return this;
    }

    public RunEvents metric(String name, double value, Long step) {
        ObjectNode metric = facet(runFacets, Facets.Headwater.METRICS).withArrayProperty("metrics").addObject().put("name", name).put("value", value);
        if (step != null) {
            metric.put("step", step);
        }
        return this;
    }

    /** The environment facet's runtime, OS and image; packages and GPUs are added with {@link #pkg} and {@link #gpu}. */
    public RunEvents environment(String runtime, String runtimeVersion, String os, String containerImage, String imageDigest) {
        ObjectNode environment = facet(runFacets, Facets.Headwater.ENVIRONMENT);
        environment.putObject("runtime").put("name", runtime).put("version", runtimeVersion);
        environment.put("os", os).put("containerImage", containerImage).put("imageDigest", imageDigest);
        return this;
    }

    public RunEvents pkg(String name, String version) {
        facet(runFacets, Facets.Headwater.ENVIRONMENT).withArrayProperty("packages").addObject().put("name", name).put("version", version);
        return this;
    }

    public RunEvents gpu(String model, String driverVersion, String cudaVersion, long memoryMiB) {
        facet(runFacets, Facets.Headwater.ENVIRONMENT).withArrayProperty("gpus").addObject().put("model", model).put("driverVersion", driverVersion)
                .put("cudaVersion", cudaVersion).put("memoryMiB", memoryMiB);
        return this;
    }

    /** A numeric feature's training distribution in the reference profile facet. */
    public RunEvents numericReference(String feature, double[] binEdges, long[] counts) {
        ObjectNode f = facet(runFacets, Facets.Headwater.REFERENCE_PROFILE).withArrayProperty("features").addObject().put("feature", feature).put("kind", "NUMERIC");
        ArrayNode edges = f.putArray("binEdges");
        for (double edge : binEdges) {
            edges.add(edge);
        }
        ArrayNode c = f.putArray("counts");
        for (long count : counts) {
            c.add(count);
        }
        return this;
    }

    /** A categorical feature's training distribution; {@code prediction} puts it as the profile's prediction. */
    public RunEvents categoricalReference(String feature, Map<String, Long> categories, boolean prediction) {
        ObjectNode profile = facet(runFacets, Facets.Headwater.REFERENCE_PROFILE);
        ObjectNode f = prediction ? profile.putObject("prediction") : profile.withArrayProperty("features").addObject();
        f.put("feature", feature).put("kind", "CATEGORICAL");
        ObjectNode counts = f.putObject("categories");
        categories.forEach(counts::put);
        return this;
    }

    /** An input dataset, with its role (training, validation, test...) when given. */
    public RunEvents input(String namespace, String name, String role) {
        ObjectNode input = inputs.addObject().put("namespace", namespace).put("name", name);
        if (role != null) {
            facet(input.putObject("inputFacets"), Facets.Headwater.DATASET_ROLE).put("role", role);
        }
        return this;
    }

    /** The model the run produced, as an output dataset with the model artifact facet. */
    public RunEvents model(String namespace, String name, String modelName, String version, String uri, String framework) {
        ObjectNode model = facet(outputs.addObject().put("namespace", namespace).put("name", name).putObject("facets"), Facets.Headwater.MODEL_ARTIFACT)
                .put("name", modelName).put("version", version);
        if (uri != null) {
            model.put("uri", uri);
        }
        if (framework != null) {
            model.put("framework", framework);
        }
        return this;
    }

    public String json() {
        return event.toString();
    }

    private static ObjectNode facet(ObjectNode facets, Facets.Headwater facet) {
        if (!facets.has(facet.key())) {
            facets.putObject(facet.key()).put("_producer", PRODUCER).put("_schemaURL", facet.schemaUrl());
        }
        return (ObjectNode) facets.get(facet.key());
    }
}
