package io.headwater.streams.graph;

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
import io.headwater.avro.ModelArtifact;
import io.headwater.avro.NodeKind;
import io.headwater.avro.SourceCodeLocation;
import io.headwater.contract.graph.EdgeAttributes.DerivedFrom;
import io.headwater.contract.graph.EdgeAttributes.Lineage;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes.DatasetField;
import io.headwater.contract.graph.NodeAttributes.Job;
import io.headwater.contract.graph.NodeAttributes.JobVersion;
import io.headwater.contract.graph.NodeAttributes.ModelVersion;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;
import io.headwater.streams.drift.ReferenceProfile;
import io.headwater.streams.runs.RunView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run, as its events describe it so far, says about the graph: the nodes and edges it
 * implies, and its dataset reads and completed writes (resolved to versions by DatasetVersioner).
 * Everything here depends on the run alone, so re-projecting after a new event only refines.
 */
public final class GraphProjection {

    /** The edges projected here that have the run at one end. */
    private static final Set<EdgeKind> RUN_EDGES = EnumSet.of(EdgeKind.RUN_OF, EdgeKind.CHILD_OF, EdgeKind.IN_ENVIRONMENT, EdgeKind.PRODUCED);

    private GraphProjection() {
    }

    /** Whether no other run states this node: a run's own node (jobs, datasets and columns are shared). */
    public static boolean aboutOneRun(GraphNode node) {
        return node.getKind() == NodeKind.RUN;
    }

    /** Whether no other run states this edge: one with the run at an end. */
    public static boolean aboutOneRun(GraphEdge edge) {
        return RUN_EDGES.contains(edge.getKind());
    }

    public static List<GraphNode> nodes(RunView run) {
        List<GraphNode> nodes = new ArrayList<>();
        Instant from = run.firstSeen();
        Instant to = run.lastSeen();
        JobInfo job = run.job();
        if (job != null) {
            nodes.add(node(jobId(job), NodeKind.JOB, job.getNamespace(), job.getName(), from, to, jobAttributes(job), null));
            nodes.add(node(jobVersionId(run), NodeKind.JOB_VERSION, job.getNamespace(), job.getName(), from, to,
                    codeAttributes(job), job.getSourceCodeText() == null ? null : NodeDetails.write(new NodeDetails.JobVersion(job.getSourceCodeText()))));
        }
        for (DatasetRef dataset : datasets(run)) {
            nodes.add(datasetNode(dataset, from, to));
        }
        nodes.add(node(NodeId.run(run.runId()).value(), NodeKind.RUN, job == null ? null : job.getNamespace(), run.runId(), from, to,
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
                    nodes.add(node(NodeId.model(model.getName()).value(), NodeKind.MODEL, null, model.getName(), run.endTime(), run.endTime(), Map.of(), null));
                    nodes.add(node(NodeId.modelVersion(model.getName(), model.getVersion()).value(), NodeKind.MODEL_VERSION, null,
                            NodeId.modelVersion(model.getName(), model.getVersion()).label(), run.endTime(), run.endTime(), modelAttributes(model, run),
                            NodeDetails.write(ReferenceProfile.toDetail(run.referenceProfile(), run.metrics()))));
                }
            }
        }
        nodes.addAll(fieldNodes(run.outputs(), from, to));
        return nodes;
    }

    /** The columns that column lineage names, on both ends. */
    private static List<GraphNode> fieldNodes(List<DatasetRef> outputs, Instant from, Instant to) {
        List<GraphNode> nodes = new ArrayList<>();
        for (DatasetRef output : outputs) {
            for (String field : outputFields(output)) {
                nodes.add(field(output.getNamespace(), output.getName(), field, from, to));
            }
            for (ColumnLineage column : output.getColumnLineage()) {
                for (InputField input : column.getInputs()) {
                    nodes.add(field(input.getNamespace(), input.getName(), input.getField(), from, to));
                }
            }
            for (InputField input : output.getDatasetDependencies()) {
                nodes.add(field(input.getNamespace(), input.getName(), input.getField(), from, to));
            }
        }
        return nodes;
    }

    /** The output columns lineage reaches: those with column lineage, and every schema column when dataset-level dependencies exist. */
    private static java.util.Set<String> outputFields(DatasetRef output) {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        output.getColumnLineage().forEach(c -> fields.add(c.getField()));
        if (!output.getDatasetDependencies().isEmpty()) {
            output.getFields().forEach(f -> fields.add(f.getName()));
        }
        return fields;
    }

    public static List<GraphEdge> edges(RunView run) {
        List<GraphEdge> edges = new ArrayList<>();
        Instant from = run.firstSeen();
        String runId = NodeId.run(run.runId()).value();
        JobInfo job = run.job();
        if (job != null) {
            String jobId = jobId(job);
            edges.addAll(jobLineage(jobId, run.inputs(), run.outputs(), from, Lineage.OBSERVED));
            edges.add(edge(jobVersionId(run), EdgeKind.VERSION_OF, jobId, from, Map.of()));
            edges.add(edge(jobVersionId(run), EdgeKind.RUN_OF, runId, from, Map.of()));
        }
        if (run.parent() != null && run.parent().getRunId() != null) {
            edges.add(edge(NodeId.run(run.parent().getRunId()).value(), EdgeKind.CHILD_OF, runId, from, Map.of()));
        }
        if (run.environment() != null) {
            edges.add(edge(environmentId(run.environment()), EdgeKind.IN_ENVIRONMENT, runId, from, Map.of()));
        }
        if (run.completed()) {
            for (DatasetRef output : run.outputs()) {
                ModelArtifact model = output.getModelArtifact();
                if (model != null) {
                    String version = NodeId.modelVersion(model.getName(), model.getVersion()).value();
                    edges.add(edge(runId, EdgeKind.PRODUCED, version, run.endTime(), Map.of()));
                    edges.add(edge(version, EdgeKind.VERSION_OF, NodeId.model(model.getName()).value(), run.endTime(), Map.of()));
                }
            }
        }
        edges.addAll(columnLineage(run.outputs(), from, Lineage.OBSERVED));
        return edges;
    }

    /**
     * Design-time lineage a JobEvent declares (static lineage): its inputs and outputs and their
     * column lineage, marked declared so answers can show it apart from what runs observed.
     */
    public static List<GraphEdge> staticEdges(LineageEvent event) {
        if (event.getKind() != io.headwater.avro.LineageEventKind.JOB || event.getJob() == null) {
            return List.of();
        }
        List<GraphEdge> edges = new ArrayList<>(jobLineage(jobId(event.getJob()), event.getInputs(), event.getOutputs(), event.getEventTime(), Lineage.DECLARED));
        edges.addAll(columnLineage(event.getOutputs(), event.getEventTime(), Lineage.DECLARED));
        return edges;
    }

    private static List<GraphEdge> jobLineage(String jobId, List<DatasetRef> inputs, List<DatasetRef> outputs, Instant from, String knownBy) {
        List<GraphEdge> edges = new ArrayList<>();
        Map<String, String> how = Map.of(knownBy, "true");
        for (DatasetRef input : inputs) {
            edges.add(edge(NodeId.dataset(input.getNamespace(), input.getName()).value(), EdgeKind.INPUT_TO, jobId, from, how));
        }
        for (DatasetRef output : outputs) {
            edges.add(edge(jobId, EdgeKind.OUTPUT_OF, NodeId.dataset(output.getNamespace(), output.getName()).value(), from, how));
        }
        return edges;
    }

    /**
     * Column lineage: each output column from its inputs; a dataset-level dependency reaches every output
     * column. An input that is both (orders.amount summed into total_amount and filtered on) is one edge
     * with both transformations, marked datasetLevel.
     */
    private static List<GraphEdge> columnLineage(List<DatasetRef> outputs, Instant from, String knownBy) {
        Map<String, GraphEdge> edges = new LinkedHashMap<>();
        for (DatasetRef output : outputs) {
            for (ColumnLineage column : output.getColumnLineage()) {
                String target = NodeId.datasetField(output.getNamespace(), output.getName(), column.getField()).value();
                for (InputField input : column.getInputs()) {
                    add(edges, derivedFrom(input, target, from, knownBy, false));
                }
            }
            if (output.getDatasetDependencies().isEmpty()) {
                continue;
            }
            for (String field : outputFields(output)) {
                String target = NodeId.datasetField(output.getNamespace(), output.getName(), field).value();
                for (InputField input : output.getDatasetDependencies()) {
                    add(edges, derivedFrom(input, target, from, knownBy, true));
                }
            }
        }
        return new ArrayList<>(edges.values());
    }

    /** One edge per id: a second derivation of the same column adds its transformations (the first stays first) and its marks. */
    private static void add(Map<String, GraphEdge> edges, GraphEdge edge) {
        edges.merge(edge.getId(), edge, (first, second) -> {
            Map<String, String> attributes = new TreeMap<>(second.getAttributes());
            attributes.putAll(first.getAttributes());
            java.util.LinkedHashSet<String> transformations = new java.util.LinkedHashSet<>();
            for (GraphEdge e : List.of(first, second)) {
                String listed = e.getAttributes().get(DerivedFrom.TRANSFORMATIONS);
                if (listed != null) {
                    transformations.addAll(List.of(listed.split(",")));
                }
            }
            if (!transformations.isEmpty()) {
                attributes.put(DerivedFrom.TRANSFORMATIONS, String.join(",", transformations));
            }
            return GraphEdge.newBuilder(first).setAttributes(attributes).build();
        });
    }

    private static GraphEdge derivedFrom(InputField input, String target, Instant from, String knownBy, boolean datasetLevel) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put(knownBy, "true");
        if (!input.getTransformations().isEmpty()) {
            attributes.put(DerivedFrom.TRANSFORMATIONS, String.join(",", input.getTransformations()));
        }
        if (datasetLevel) {
            attributes.put(DerivedFrom.DATASET_LEVEL, "true");
        }
        return edge(NodeId.datasetField(input.getNamespace(), input.getName(), input.getField()).value(), EdgeKind.DERIVED_FROM, target, from, attributes);
    }

    /** Reads at the time the run first named each input; writes only once the run completed (a failed run's output is no version). */
    public static List<DatasetAccess> accesses(RunView run) {
        List<DatasetAccess> accesses = new ArrayList<>();
        for (DatasetRef input : run.inputs()) {
            String id = NodeId.dataset(input.getNamespace(), input.getName()).value();
            // A reader that names the version it read (datasetVersion facet) is taken at its word.
            accesses.add(new DatasetAccess(id, input.getNamespace(), input.getName(), run.runId(), false, run.inputReadAt().get(id),
                    input.getVersion(), input.getRole(), input.getStatistics(), input.getQuality()));
        }
        if (run.completed()) {
            for (DatasetRef output : run.outputs()) {
                accesses.add(new DatasetAccess(NodeId.dataset(output.getNamespace(), output.getName()).value(), output.getNamespace(), output.getName(),
                        run.runId(), true, run.endTime(), output.getVersion(), null, output.getStatistics(), output.getQuality()));
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
            nodes.add(datasetNode(dataset, time, time));
        }
        if (event.getKind() == io.headwater.avro.LineageEventKind.JOB) {
            nodes.addAll(fieldNodes(event.getOutputs(), time, time));
        }
        return nodes;
    }

    static String jobId(JobInfo job) {
        return NodeId.job(job.getNamespace(), job.getName()).value();
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
        return NodeId.jobVersion(job.getNamespace(), job.getName(), hash).value();
    }

    static String environmentId(Environment environment) {
        return NodeId.environment(Hashes.of(environment.getRuntimeName(), environment.getRuntimeVersion(), environment.getOs(),
                environment.getContainerImage(), environment.getImageDigest(),
                environment.getPackages().stream().map(p -> p.getName() + "==" + p.getVersion()).sorted().toList(),
                environment.getGpus().stream().map(g -> g.getModel() + "/" + g.getDriverVersion() + "/" + g.getCudaVersion() + "/" + g.getMemoryMiB()).sorted().toList())).value();
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
        put(attributes, Job.JOB_TYPE, job.getJobType());
        put(attributes, Job.PROCESSING_TYPE, job.getProcessingType());
        put(attributes, Job.INTEGRATION, job.getIntegration());
        put(attributes, Job.DESCRIPTION, job.getDescription());
        put(attributes, Job.TAGS, DatasetDescription.tags(job.getTags()));
        put(attributes, Job.OWNERS, DatasetDescription.owners(job.getOwners()));
        return attributes;
    }

    private static GraphNode datasetNode(DatasetRef dataset, Instant from, Instant to) {
        return node(NodeId.dataset(dataset.getNamespace(), dataset.getName()).value(), NodeKind.DATASET, dataset.getNamespace(),
                dataset.getName(), from, to, DatasetDescription.attributes(dataset), DatasetDescription.detail(dataset));
    }

    private static Map<String, String> codeAttributes(JobInfo job) {
        Map<String, String> attributes = new TreeMap<>();
        SourceCodeLocation code = job.getSourceCode();
        if (code != null) {
            put(attributes, JobVersion.REPO_URL, code.getRepoUrl());
            put(attributes, JobVersion.URL, code.getUrl());
            put(attributes, JobVersion.PATH, code.getPath());
            put(attributes, JobVersion.COMMIT, code.getVersion());
            put(attributes, JobVersion.BRANCH, code.getBranch());
            put(attributes, JobVersion.TAG, code.getTag());
            put(attributes, JobVersion.VCS, code.getType());
        }
        put(attributes, JobVersion.SQL, job.getSql());
        put(attributes, JobVersion.LANGUAGE, job.getSourceCodeLanguage());
        return attributes;
    }

    private static Map<String, String> runAttributes(RunView run) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, Run.STATE, run.state() == null ? null : run.state().name());
        put(attributes, Run.START_TIME, run.startTime() == null ? null : run.startTime().toString());
        put(attributes, Run.END_TIME, run.endTime() == null ? null : run.endTime().toString());
        if (run.job() != null) {
            attributes.put(Run.JOB, jobId(run.job()));
            attributes.put(Run.JOB_VERSION, jobVersionId(run));
        }
        if (run.parent() != null && run.parent().getRunId() != null) {
            attributes.put(Run.PARENT_RUN, NodeId.run(run.parent().getRunId()).value());
        }
        if (run.environment() != null) {
            attributes.put(Run.ENVIRONMENT, environmentId(run.environment()));
            if (Boolean.TRUE.equals(run.environment().getSourceDirty())) {
                attributes.put(Run.SOURCE_DIRTY, "true");
            }
        }
        put(attributes, Run.ERROR_MESSAGE, run.error() == null ? null : run.error().getMessage());
        put(attributes, Run.TAGS, DatasetDescription.tags(run.tags()));
        attributes.put(Run.EVENTS, String.valueOf(run.eventCount()));
        return attributes;
    }

    private static String runDetail(RunView run) {
        List<NodeDetails.Metric> metrics = run.metrics().stream()
                .map(m -> new NodeDetails.Metric(m.getName(), m.getValue(), m.getStep(), m.getTimestamp() == null ? null : m.getTimestamp().toString()))
                .toList();
        NodeDetails.Error error = run.error() == null ? null
                : new NodeDetails.Error(run.error().getMessage(), run.error().getProgrammingLanguage(), run.error().getStackTrace());
        return NodeDetails.write(new NodeDetails.Run(new TreeMap<>(run.parameters()), metrics, error,
                run.nominalStartTime() == null ? null : run.nominalStartTime().toString(),
                run.nominalEndTime() == null ? null : run.nominalEndTime().toString(), run.eventCount()));
    }

    private static Map<String, String> environmentAttributes(Environment environment) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, NodeAttributes.Environment.RUNTIME, environment.getRuntimeName());
        put(attributes, NodeAttributes.Environment.RUNTIME_VERSION, environment.getRuntimeVersion());
        put(attributes, NodeAttributes.Environment.OS, environment.getOs());
        put(attributes, NodeAttributes.Environment.CONTAINER_IMAGE, environment.getContainerImage());
        put(attributes, NodeAttributes.Environment.IMAGE_DIGEST, environment.getImageDigest());
        if (!environment.getGpus().isEmpty()) {
            attributes.put(NodeAttributes.Environment.GPU_MODEL, environment.getGpus().get(0).getModel());
            attributes.put(NodeAttributes.Environment.GPU_COUNT, String.valueOf(environment.getGpus().size()));
        }
        attributes.put(NodeAttributes.Environment.PACKAGE_COUNT, String.valueOf(environment.getPackages().size()));
        return attributes;
    }

    private static String environmentDetail(Environment environment) {
        Map<String, String> packages = new TreeMap<>();
        environment.getPackages().forEach(p -> packages.put(p.getName(), p.getVersion()));
        List<NodeDetails.Gpu> gpus = environment.getGpus().stream()
                .map(g -> new NodeDetails.Gpu(g.getModel(), g.getDriverVersion(), g.getCudaVersion(), g.getMemoryMiB())).toList();
        return NodeDetails.write(new NodeDetails.Environment(packages, gpus));
    }

    private static Map<String, String> modelAttributes(ModelArtifact model, RunView run) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, ModelVersion.URI, model.getUri());
        put(attributes, ModelVersion.DIGEST, model.getDigest());
        put(attributes, ModelVersion.FRAMEWORK, model.getFramework());
        attributes.put(ModelVersion.TRAINING_RUN, NodeId.run(run.runId()).value());
        return attributes;
    }

    private static GraphNode field(String namespace, String dataset, String field, Instant from, Instant to) {
        return node(NodeId.datasetField(namespace, dataset, field).value(), NodeKind.DATASET_FIELD, namespace, NodeId.datasetField(namespace, dataset, field).label(), from, to,
                Map.of(DatasetField.DATASET, NodeId.dataset(namespace, dataset).value(), DatasetField.FIELD, field), null);
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
                .setId(EdgeId.of(source, kind, target).value())
                .setKind(kind).setSource(source).setTarget(target)
                .setValidFrom(from)
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }
}
