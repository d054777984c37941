package io.headwater.streams.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.ColumnLineage;
import io.headwater.avro.DatasetAccess;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.Environment;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.InputField;
import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.Metric;
import io.headwater.avro.ModelArtifact;
import io.headwater.avro.NodeKind;
import io.headwater.avro.SourceCodeLocation;
import io.headwater.contract.GraphIds;
import io.headwater.streams.drift.ReferenceProfile;
import io.headwater.streams.runs.RunView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run, as its events describe it so far, says about the graph: the nodes and edges it
 * implies, and its dataset reads and completed writes (resolved to versions by DatasetVersioner).
 * Everything here depends on the run alone, so re-projecting after a new event only refines.
 */
public final class GraphProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphProjection() {
    }

    public static List<GraphNode> nodes(RunView run) {
        List<GraphNode> nodes = new ArrayList<>();
        Instant from = run.firstSeen();
        Instant to = run.lastSeen();
        JobInfo job = run.job();
        if (job != null) {
            nodes.add(node(jobId(job), NodeKind.JOB, job.getNamespace(), job.getName(), from, to, jobAttributes(job), null));
            nodes.add(node(jobVersionId(run), NodeKind.JOB_VERSION, job.getNamespace(), job.getName(), from, to,
                    codeAttributes(job), job.getSourceCodeText() == null ? null : JSON.createObjectNode().put("sourceCode", job.getSourceCodeText()).toString()));
        }
        for (DatasetRef dataset : datasets(run)) {
            nodes.add(node(GraphIds.dataset(dataset.getNamespace(), dataset.getName()), NodeKind.DATASET, dataset.getNamespace(),
                    dataset.getName(), from, to, Map.of(), fields(dataset)));
        }
        nodes.add(node(GraphIds.run(run.runId()), NodeKind.RUN, job == null ? null : job.getNamespace(), run.runId(), from, to,
                runAttributes(run), runDetail(run)));
        Environment environment = run.environment();
        if (environment != null) {
            nodes.add(node(environmentId(environment), NodeKind.ENVIRONMENT, null, environmentName(environment), from, to,
                    environmentAttributes(environment), environmentDetail(environment)));
        }
        if (run.completed()) {
            for (DatasetRef output : run.outputs()) {
                ModelArtifact model = output.getModelArtifact();
                if (model != null) {
                    nodes.add(node(GraphIds.model(model.getName()), NodeKind.MODEL, null, model.getName(), run.endTime(), run.endTime(), Map.of(), null));
                    nodes.add(node(GraphIds.modelVersion(model.getName(), model.getVersion()), NodeKind.MODEL_VERSION, null,
                            model.getName() + "#" + model.getVersion(), run.endTime(), run.endTime(), modelAttributes(model, run),
                            ReferenceProfile.toJson(run.referenceProfile(), run.metrics()).toString()));
                }
            }
        }
        for (DatasetRef output : run.outputs()) {
            for (ColumnLineage column : output.getColumnLineage()) {
                nodes.add(field(output.getNamespace(), output.getName(), column.getField(), from, to));
                for (InputField input : column.getInputs()) {
                    nodes.add(field(input.getNamespace(), input.getName(), input.getField(), from, to));
                }
            }
        }
        return nodes;
    }

    public static List<GraphEdge> edges(RunView run) {
        List<GraphEdge> edges = new ArrayList<>();
        Instant from = run.firstSeen();
        String runId = GraphIds.run(run.runId());
        JobInfo job = run.job();
        if (job != null) {
            String jobId = jobId(job);
            for (DatasetRef input : run.inputs()) {
                edges.add(edge(GraphIds.dataset(input.getNamespace(), input.getName()), EdgeKind.INPUT_TO, jobId, from, Map.of()));
            }
            for (DatasetRef output : run.outputs()) {
                edges.add(edge(jobId, EdgeKind.OUTPUT_OF, GraphIds.dataset(output.getNamespace(), output.getName()), from, Map.of()));
            }
            edges.add(edge(jobVersionId(run), EdgeKind.VERSION_OF, jobId, from, Map.of()));
            edges.add(edge(jobVersionId(run), EdgeKind.RUN_OF, runId, from, Map.of()));
        }
        if (run.parent() != null && run.parent().getRunId() != null) {
            edges.add(edge(GraphIds.run(run.parent().getRunId()), EdgeKind.CHILD_OF, runId, from, Map.of()));
        }
        if (run.environment() != null) {
            edges.add(edge(environmentId(run.environment()), EdgeKind.IN_ENVIRONMENT, runId, from, Map.of()));
        }
        if (run.completed()) {
            for (DatasetRef output : run.outputs()) {
                ModelArtifact model = output.getModelArtifact();
                if (model != null) {
                    String version = GraphIds.modelVersion(model.getName(), model.getVersion());
                    edges.add(edge(runId, EdgeKind.PRODUCED, version, run.endTime(), Map.of()));
                    edges.add(edge(version, EdgeKind.VERSION_OF, GraphIds.model(model.getName()), run.endTime(), Map.of()));
                }
            }
        }
        for (DatasetRef output : run.outputs()) {
            for (ColumnLineage column : output.getColumnLineage()) {
                String target = GraphIds.datasetField(output.getNamespace(), output.getName(), column.getField());
                for (InputField input : column.getInputs()) {
                    Map<String, String> attributes = input.getTransformations().isEmpty() ? Map.of()
                            : Map.of("transformations", String.join(",", input.getTransformations()));
                    edges.add(edge(GraphIds.datasetField(input.getNamespace(), input.getName(), input.getField()), EdgeKind.DERIVED_FROM,
                            target, from, attributes));
                }
            }
        }
        return edges;
    }

    /** Reads at the time the run first named each input; writes only once the run completed (a failed run's output is no version). */
    public static List<DatasetAccess> accesses(RunView run) {
        List<DatasetAccess> accesses = new ArrayList<>();
        for (DatasetRef input : run.inputs()) {
            String id = GraphIds.dataset(input.getNamespace(), input.getName());
            // A reader that names the version it read (datasetVersion facet) is taken at its word.
            accesses.add(new DatasetAccess(id, input.getNamespace(), input.getName(), run.runId(), false, run.inputReadAt().get(id),
                    input.getVersion(), input.getRole()));
        }
        if (run.completed()) {
            for (DatasetRef output : run.outputs()) {
                accesses.add(new DatasetAccess(GraphIds.dataset(output.getNamespace(), output.getName()), output.getNamespace(), output.getName(),
                        run.runId(), true, run.endTime(), output.getVersion(), null));
            }
        }
        return accesses;
    }

    /** DatasetEvents and JobEvents carry no run: they only declare datasets and jobs. */
    public static List<GraphNode> staticNodes(LineageEvent event) {
        List<GraphNode> nodes = new ArrayList<>();
        Instant time = event.getEventTime();
        if (event.getJob() != null) {
            nodes.add(node(jobId(event.getJob()), NodeKind.JOB, event.getJob().getNamespace(), event.getJob().getName(), time, time,
                    jobAttributes(event.getJob()), null));
        }
        List<DatasetRef> datasets = new ArrayList<>(event.getInputs());
        datasets.addAll(event.getOutputs());
        if (event.getDataset() != null) {
            datasets.add(event.getDataset());
        }
        for (DatasetRef dataset : datasets) {
            nodes.add(node(GraphIds.dataset(dataset.getNamespace(), dataset.getName()), NodeKind.DATASET, dataset.getNamespace(),
                    dataset.getName(), time, time, Map.of(), fields(dataset)));
        }
        return nodes;
    }

    static String jobId(JobInfo job) {
        return GraphIds.job(job.getNamespace(), job.getName());
    }

    /**
     * The job version is its code: git coordinates, SQL and source when known. Without any, the job
     * has one unversioned version. (Marquez also hashes inputs and outputs, but those grow as a run's
     * events arrive, and an id must not depend on which events came first.)
     */
    public static String jobVersionId(RunView run) {
        JobInfo job = run.job();
        SourceCodeLocation code = job.getSourceCode();
        String hash = code != null || job.getSql() != null || job.getSourceCodeText() != null
                ? Hashes.of(code == null ? null : code.getRepoUrl(), code == null ? null : code.getUrl(), code == null ? null : code.getPath(),
                code == null ? null : code.getVersion(), job.getSql(), job.getSourceCodeText())
                : "unversioned";
        return GraphIds.jobVersion(job.getNamespace(), job.getName(), hash);
    }

    static String environmentId(Environment environment) {
        return GraphIds.environment(Hashes.of(environment.getRuntimeName(), environment.getRuntimeVersion(), environment.getOs(),
                environment.getContainerImage(), environment.getImageDigest(),
                environment.getPackages().stream().map(p -> p.getName() + "==" + p.getVersion()).sorted().toList(),
                environment.getGpus().stream().map(g -> g.getModel() + "/" + g.getDriverVersion() + "/" + g.getCudaVersion() + "/" + g.getMemoryMiB()).sorted().toList()));
    }

    private static String environmentName(Environment environment) {
        String runtime = environment.getRuntimeName() == null ? "environment" : environment.getRuntimeName() + " " + environment.getRuntimeVersion();
        return environment.getContainerImage() == null ? runtime : runtime + " in " + environment.getContainerImage();
    }

    private static List<DatasetRef> datasets(RunView run) {
        List<DatasetRef> all = new ArrayList<>(run.inputs());
        all.addAll(run.outputs());
        return all;
    }

    private static Map<String, String> jobAttributes(JobInfo job) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, "jobType", job.getJobType());
        put(attributes, "processingType", job.getProcessingType());
        put(attributes, "integration", job.getIntegration());
        return attributes;
    }

    private static Map<String, String> codeAttributes(JobInfo job) {
        Map<String, String> attributes = new TreeMap<>();
        SourceCodeLocation code = job.getSourceCode();
        if (code != null) {
            put(attributes, "repoUrl", code.getRepoUrl());
            put(attributes, "url", code.getUrl());
            put(attributes, "path", code.getPath());
            put(attributes, "commit", code.getVersion());
            put(attributes, "branch", code.getBranch());
            put(attributes, "tag", code.getTag());
            put(attributes, "vcs", code.getType());
        }
        put(attributes, "sql", job.getSql());
        put(attributes, "language", job.getSourceCodeLanguage());
        return attributes;
    }

    private static Map<String, String> runAttributes(RunView run) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, "state", run.state() == null ? null : run.state().name());
        put(attributes, "startTime", run.startTime() == null ? null : run.startTime().toString());
        put(attributes, "endTime", run.endTime() == null ? null : run.endTime().toString());
        if (run.job() != null) {
            attributes.put("job", jobId(run.job()));
            attributes.put("jobVersion", jobVersionId(run));
        }
        if (run.parent() != null && run.parent().getRunId() != null) {
            attributes.put("parentRun", GraphIds.run(run.parent().getRunId()));
        }
        if (run.environment() != null) {
            attributes.put("environment", environmentId(run.environment()));
            if (Boolean.TRUE.equals(run.environment().getSourceDirty())) {
                attributes.put("sourceDirty", "true");
            }
        }
        put(attributes, "errorMessage", run.error() == null ? null : run.error().getMessage());
        attributes.put(GraphMerge.EVENTS, String.valueOf(run.eventCount()));
        return attributes;
    }

    private static String runDetail(RunView run) {
        ObjectNode detail = JSON.createObjectNode();
        ObjectNode parameters = detail.putObject("parameters");
        run.parameters().forEach(parameters::put);
        ArrayNode metrics = detail.putArray("metrics");
        for (Metric metric : run.metrics()) {
            ObjectNode m = metrics.addObject().put("name", metric.getName()).put("value", metric.getValue());
            if (metric.getStep() != null) {
                m.put("step", metric.getStep());
            }
            if (metric.getTimestamp() != null) {
                m.put("timestamp", metric.getTimestamp().toString());
            }
        }
        if (run.error() != null) {
            detail.putObject("error").put("message", run.error().getMessage())
                    .put("programmingLanguage", run.error().getProgrammingLanguage())
                    .put("stackTrace", run.error().getStackTrace());
        }
        if (run.nominalStartTime() != null) {
            detail.put("nominalStartTime", run.nominalStartTime().toString());
        }
        if (run.nominalEndTime() != null) {
            detail.put("nominalEndTime", run.nominalEndTime().toString());
        }
        detail.put("eventCount", run.eventCount());
        return detail.toString();
    }

    private static Map<String, String> environmentAttributes(Environment environment) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, "runtime", environment.getRuntimeName());
        put(attributes, "runtimeVersion", environment.getRuntimeVersion());
        put(attributes, "os", environment.getOs());
        put(attributes, "containerImage", environment.getContainerImage());
        put(attributes, "imageDigest", environment.getImageDigest());
        if (!environment.getGpus().isEmpty()) {
            attributes.put("gpuModel", environment.getGpus().get(0).getModel());
            attributes.put("gpuCount", String.valueOf(environment.getGpus().size()));
        }
        attributes.put("packageCount", String.valueOf(environment.getPackages().size()));
        return attributes;
    }

    private static String environmentDetail(Environment environment) {
        ObjectNode detail = JSON.createObjectNode();
        ObjectNode packages = detail.putObject("packages");
        environment.getPackages().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(p -> packages.put(p.getName(), p.getVersion()));
        ArrayNode gpus = detail.putArray("gpus");
        environment.getGpus().forEach(g -> {
            ObjectNode gpu = gpus.addObject().put("model", g.getModel()).put("driverVersion", g.getDriverVersion()).put("cudaVersion", g.getCudaVersion());
            if (g.getMemoryMiB() != null) {
                gpu.put("memoryMiB", g.getMemoryMiB());
            }
        });
        return detail.toString();
    }

    private static Map<String, String> modelAttributes(ModelArtifact model, RunView run) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, "uri", model.getUri());
        put(attributes, "digest", model.getDigest());
        put(attributes, "framework", model.getFramework());
        attributes.put("trainingRun", GraphIds.run(run.runId()));
        return attributes;
    }

    private static String fields(DatasetRef dataset) {
        if (dataset.getFields().isEmpty()) {
            return null;
        }
        ObjectNode detail = JSON.createObjectNode();
        ArrayNode fields = detail.putArray("fields");
        dataset.getFields().forEach(f -> fields.addObject().put("name", f.getName()).put("type", f.getType()));
        return detail.toString();
    }

    private static GraphNode field(String namespace, String dataset, String field, Instant from, Instant to) {
        return node(GraphIds.datasetField(namespace, dataset, field), NodeKind.DATASET_FIELD, namespace, dataset + ":" + field, from, to,
                Map.of("dataset", GraphIds.dataset(namespace, dataset), "field", field), null);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static GraphNode node(String id, NodeKind kind, String namespace, String name, Instant from, Instant to, Map<String, String> attributes,
                          String detail) {
        return GraphNode.newBuilder()
                .setId(id).setKind(kind).setNamespace(namespace).setName(name)
                .setFirstSeen(from).setLastSeen(to)
                .setAttributes(new LinkedHashMap<>(attributes))
                .setDetailJson(detail)
                .build();
    }

    static GraphEdge edge(String source, EdgeKind kind, String target, Instant from, Map<String, String> attributes) {
        return GraphEdge.newBuilder()
                .setId(GraphIds.edge(source, kind, target))
                .setKind(kind).setSource(source).setTarget(target)
                .setValidFrom(from)
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }
}
