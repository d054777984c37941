package io.headwater.query.runs;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.Read;
import io.headwater.contract.graph.NodeAttributes.DatasetVersion;
import io.headwater.contract.graph.NodeAttributes.Environment;
import io.headwater.contract.graph.NodeAttributes.JobVersion;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.RunDetails.Code;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails.EnvironmentDetails;
import io.headwater.query.api.RunDetails.MetricValue;
import io.headwater.query.api.RunDetails;
import io.headwater.query.graph.GraphView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a run's details from its node and the edges around it. */
public final class RunReader {

    private RunReader() {
    }

    /** Accepts a bare run UUID or a graph id {@code run:<uuid>}. */
    public static String runNodeId(String runId) {
        return NodeId.tryParse(runId).filter(id -> id.kind() == NodeKind.RUN).orElseGet(() -> NodeId.run(runId)).value();
    }

    public static Optional<RunDetails> read(GraphView graph, String runId) {
        return graph.node(runNodeId(runId)).filter(n -> n.getKind() == NodeKind.RUN).map(node -> details(graph, node));
    }

    public static RunDetails details(GraphView graph, GraphNode run) {
        Map<String, String> a = run.getAttributes();
        NodeDetails.Run detail = NodeDetails.read(run.getDetailJson(), NodeDetails.Run.class)
                .orElse(new NodeDetails.Run(Map.of(), List.of(), null, null, null, 0));
        String id = run.getId();
        List<String> children = graph.out(id, EdgeKind.CHILD_OF).stream().map(GraphEdge::getTarget).sorted().toList();
        String parent = graph.in(id, EdgeKind.CHILD_OF).stream().map(GraphEdge::getSource).findFirst().orElse(a.get(Run.PARENT_RUN));
        List<String> produced = graph.out(id, EdgeKind.PRODUCED).stream().map(GraphEdge::getTarget).sorted().toList();
        return new RunDetails(id, run.getName(), a.get(Run.JOB), a.get(Run.STATE), instant(a.get(Run.START_TIME)), instant(a.get(Run.END_TIME)),
                a.get(Run.ERROR_MESSAGE), parent, children, new TreeMap<>(detail.parameters()), metrics(detail),
                withDirtyFlag(code(graph, a.get(Run.JOB_VERSION)), Boolean.parseBoolean(a.get(Run.SOURCE_DIRTY))),
                environment(graph, a.get(Run.ENVIRONMENT)), inputs(graph, id), outputs(graph, id), produced);
    }

    public static List<DataRef> inputs(GraphView graph, String runNodeId) {
        return inputs(graph, graph.in(runNodeId, EdgeKind.READ));
    }

    /** The inputs named by the READ edges among these edges into a run. */
    public static List<DataRef> inputs(GraphView graph, List<GraphEdge> edgesIn) {
        List<DataRef> inputs = new ArrayList<>();
        for (GraphEdge read : edgesIn) {
            if (read.getKind() != EdgeKind.READ) {
                continue;
            }
            Map<String, String> attributes = read.getAttributes();
            inputs.add(dataRef(graph, read.getSource(), attributes.get(Read.ROLE), instant(attributes.get(Read.READ_AT))));
        }
        inputs.sort(Comparator.comparing(DataRef::dataset));
        return inputs;
    }

    private static List<DataRef> outputs(GraphView graph, String runNodeId) {
        List<DataRef> outputs = new ArrayList<>();
        for (GraphEdge wrote : graph.out(runNodeId, EdgeKind.WROTE)) {
            outputs.add(dataRef(graph, wrote.getTarget(), null, wrote.getValidFrom()));
        }
        outputs.sort(Comparator.comparing(DataRef::dataset));
        return outputs;
    }

    /** A reference to a dataset version node, or to a dataset when no version was known. */
    public static DataRef dataRef(GraphView graph, String nodeId, String role, Instant at) {
        Optional<GraphNode> node = graph.node(nodeId);
        if (node.isPresent() && node.get().getKind() == NodeKind.DATASET_VERSION) {
            Map<String, String> a = node.get().getAttributes();
            return new DataRef(a.get(DatasetVersion.DATASET), nodeId, a.get(DatasetVersion.VERSION), role, at, a.get(DatasetVersion.WRITTEN_BY));
        }
        return new DataRef(nodeId, null, null, role, at, null);
    }

    public static Code code(GraphView graph, String jobVersionId) {
        if (jobVersionId == null) {
            return null;
        }
        return graph.node(jobVersionId).map(node -> {
            Map<String, String> a = node.getAttributes();
            String sourceCode = NodeDetails.read(node.getDetailJson(), NodeDetails.JobVersion.class).map(NodeDetails.JobVersion::sourceCode).orElse(null);
            return new Code(jobVersionId, a.get(JobVersion.REPO_URL), a.get(JobVersion.URL), a.get(JobVersion.PATH), a.get(JobVersion.COMMIT),
                    a.get(JobVersion.BRANCH), a.get(JobVersion.TAG), a.get(JobVersion.SQL), a.get(JobVersion.LANGUAGE), sourceCode, null);
        }).orElse(new Code(jobVersionId, null, null, null, null, null, null, null, null, null, null));
    }

    private static Code withDirtyFlag(Code code, boolean dirty) {
        if (code == null || !dirty) {
            return code;
        }
        return new Code(code.jobVersion(), code.repoUrl(), code.url(), code.path(), code.commit(), code.branch(), code.tag(), code.sql(),
                code.language(), code.sourceCode(), true);
    }

    public static EnvironmentDetails environment(GraphView graph, String environmentId) {
        if (environmentId == null) {
            return null;
        }
        return graph.node(environmentId).map(node -> {
            Map<String, String> a = node.getAttributes();
            NodeDetails.Environment detail = NodeDetails.read(node.getDetailJson(), NodeDetails.Environment.class)
                    .orElse(new NodeDetails.Environment(Map.of(), List.of()));
            List<Map<String, Object>> gpus = detail.gpus().stream().map(NodeDetails::asMap).toList();
            return new EnvironmentDetails(environmentId, a.get(Environment.RUNTIME), a.get(Environment.RUNTIME_VERSION), a.get(Environment.OS),
                    a.get(Environment.CONTAINER_IMAGE), a.get(Environment.IMAGE_DIGEST), new TreeMap<>(detail.packages()), gpus);
        }).orElse(null);
    }

    private static List<MetricValue> metrics(NodeDetails.Run detail) {
        return detail.metrics().stream().map(m -> new MetricValue(m.name(), m.value(), m.step(), m.timestamp())).toList();
    }

    /** The last value of each metric (highest step, else the last recorded). */
    public static Map<String, Double> finalMetrics(List<MetricValue> metrics) {
        Map<String, MetricValue> last = new LinkedHashMap<>();
        for (MetricValue m : metrics) {
            MetricValue known = last.get(m.name());
            if (known == null || m.step() == null || known.step() == null || m.step() >= known.step()) {
                last.put(m.name(), m);
            }
        }
        Map<String, Double> values = new TreeMap<>();
        last.forEach((name, m) -> values.put(name, m.value()));
        return values;
    }

    static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
