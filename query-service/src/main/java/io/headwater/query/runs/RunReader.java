package io.headwater.query.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.query.graph.GraphView;
import io.headwater.query.model.RunDetails;
import io.headwater.query.model.RunDetails.Code;
import io.headwater.query.model.RunDetails.DataRef;
import io.headwater.query.model.RunDetails.EnvironmentDetails;
import io.headwater.query.model.RunDetails.MetricValue;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReader() {
    }

    /** Accepts a bare run UUID or a graph id {@code run:<uuid>}. */
    public static String runNodeId(String runId) {
        return runId.startsWith("run:") ? runId : "run:" + runId;
    }

    public static Optional<RunDetails> read(GraphView graph, String runId) {
        return graph.node(runNodeId(runId)).filter(n -> n.getKind() == NodeKind.RUN).map(node -> details(graph, node));
    }

    public static RunDetails details(GraphView graph, GraphNode run) {
        Map<String, String> a = run.getAttributes();
        JsonNode detail = json(run.getDetailJson());
        String id = run.getId();
        List<String> children = graph.out(id, EdgeKind.CHILD_OF).stream().map(GraphEdge::getTarget).sorted().toList();
        String parent = graph.in(id, EdgeKind.CHILD_OF).stream().map(GraphEdge::getSource).findFirst().orElse(a.get("parentRun"));
        List<String> produced = graph.out(id, EdgeKind.PRODUCED).stream().map(GraphEdge::getTarget).sorted().toList();
        return new RunDetails(id, run.getName(), a.get("job"), a.get("state"), instant(a.get("startTime")), instant(a.get("endTime")),
                a.get("errorMessage"), parent, children, parameters(detail), metrics(detail),
                withDirtyFlag(code(graph, a.get("jobVersion")), "true".equals(a.get("sourceDirty"))),
                environment(graph, a.get("environment")), inputs(graph, id), outputs(graph, id), produced);
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
            inputs.add(dataRef(graph, read.getSource(), attributes.get("role"), instant(attributes.get("readAt"))));
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
            return new DataRef(a.get("dataset"), nodeId, a.get("version"), role, at, a.get("writtenBy"));
        }
        return new DataRef(nodeId, null, null, role, at, null);
    }

    public static Code code(GraphView graph, String jobVersionId) {
        if (jobVersionId == null) {
            return null;
        }
        return graph.node(jobVersionId).map(node -> {
            Map<String, String> a = node.getAttributes();
            JsonNode detail = json(node.getDetailJson());
            return new Code(jobVersionId, a.get("repoUrl"), a.get("url"), a.get("path"), a.get("commit"), a.get("branch"), a.get("tag"),
                    a.get("sql"), a.get("language"), detail.path("sourceCode").isTextual() ? detail.get("sourceCode").asText() : null, null);
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
            JsonNode detail = json(node.getDetailJson());
            Map<String, String> packages = new TreeMap<>();
            detail.path("packages").fields().forEachRemaining(e -> packages.put(e.getKey(), e.getValue().asText()));
            List<Map<String, Object>> gpus = JSON.convertValue(detail.path("gpus"), new TypeReference<>() { });
            return new EnvironmentDetails(environmentId, a.get("runtime"), a.get("runtimeVersion"), a.get("os"), a.get("containerImage"),
                    a.get("imageDigest"), packages, gpus == null ? List.of() : gpus);
        }).orElse(null);
    }

    private static Map<String, String> parameters(JsonNode detail) {
        Map<String, String> parameters = new TreeMap<>();
        detail.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return parameters;
    }

    private static List<MetricValue> metrics(JsonNode detail) {
        List<MetricValue> metrics = new ArrayList<>();
        for (JsonNode m : detail.path("metrics")) {
            metrics.add(new MetricValue(m.path("name").asText(), m.path("value").asDouble(),
                    m.has("step") ? m.get("step").asLong() : null, m.has("timestamp") ? m.get("timestamp").asText() : null));
        }
        return metrics;
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

    static JsonNode json(String text) {
        if (text == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
