package io.headwater.query.access;

import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.GraphAnswer;
import io.headwater.query.api.Redacted;
import io.headwater.query.api.RunDetails;
import io.headwater.query.api.RunDetails.DataRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One answer seen through a reader's scope: every node id outside it is replaced by an alias
 * ({@code redacted:1}, {@code redacted:2}, … in the order met, the same alias wherever the same node
 * appears), so the shape of the answer stays whole and the hidden nodes are counted, never dropped.
 * A run lies in its job's namespace; a run whose job is not known is hidden from a scoped key.
 */
public final class Redaction {

    public static final String PREFIX = "redacted:";

    private final ReadScope scope;
    private final Function<String, Optional<String>> jobOfRun;
    private final Map<String, Boolean> hidden = new HashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** @param jobOfRun a run's node id to its job's node id, as the graph knows it */
    public Redaction(ReadScope scope, Function<String, Optional<String>> jobOfRun) {
        this.scope = scope;
        this.jobOfRun = jobOfRun;
    }

    public boolean hides(String id) {
        if (id == null || scope.everything()) {
            return false;
        }
        return hidden.computeIfAbsent(id, this::outOfScope);
    }

    private boolean outOfScope(String id) {
        NodeId node = parse(id);
        if (node == null) {
            return false;
        }
        if (node.kind() == NodeKind.RUN) {
            return jobOfRun.apply(id).map(job -> !scope.sees(namespace(job))).orElse(true);
        }
        return !scope.sees(node.namespace());
    }

    /** The namespace of a dataset, field or job id; null for other kinds and for strings that are not node ids. */
    private static String namespace(String id) {
        NodeId node = parse(id);
        return node == null ? null : node.namespace();
    }

    private static NodeId parse(String id) {
        try {
            return NodeId.parse(id);
        } catch (RuntimeException notANodeId) {
            return null;
        }
    }

    /** The id, or its alias where it lies outside the scope. */
    public String show(String id) {
        return hides(id) ? aliases.computeIfAbsent(id, k -> PREFIX + (aliases.size() + 1)) : id;
    }

    public List<String> show(List<String> ids) {
        return ids == null ? null : ids.stream().map(this::show).toList();
    }

    /** A value of an answer that may hold ids anywhere (Marquez facets, attributes): each string shown through the scope. */
    public Object showAll(Object value) {
        if (value instanceof String s) {
            return show(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> shown = new LinkedHashMap<>();
            map.forEach((k, v) -> shown.put(k, showAll(v)));
            return shown;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::showAll).toList();
        }
        return value;
    }

    public DataRef show(DataRef ref) {
        if (ref == null) {
            return null;
        }
        if (hides(ref.dataset())) {
            return new DataRef(show(ref.dataset()), show(ref.datasetVersion()), null, ref.role(), ref.at(), show(ref.writtenBy()));
        }
        return new DataRef(ref.dataset(), ref.datasetVersion(), ref.version(), ref.role(), ref.at(), show(ref.writtenBy()));
    }

    public List<DataRef> showRefs(List<DataRef> refs) {
        return refs == null ? null : refs.stream().map(this::show).toList();
    }

    /** A run in scope with its hidden neighbours aliased; a run out of scope as its alias alone. */
    public RunDetails show(RunDetails run) {
        if (run == null) {
            return null;
        }
        if (hides(run.id())) {
            return new RunDetails(show(run.id()), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new RunDetails(run.id(), run.runId(), run.job(), run.state(), run.startTime(), run.endTime(), run.errorMessage(),
                show(run.parentRun()), show(run.childRuns()), run.parameters(), run.metrics(), run.code(), run.environment(),
                showRefs(run.inputs()), showRefs(run.outputs()), run.producedModelVersions());
    }

    public GraphAnswer show(GraphAnswer graph) {
        List<GraphAnswer.Node> nodes = new ArrayList<>();
        for (GraphAnswer.Node node : graph.nodes()) {
            if (hides(node.id())) {
                nodes.add(new GraphAnswer.Node(show(node.id()), node.type(), null, null, true));
            } else {
                Map<String, String> attributes = new TreeMap<>();
                if (node.attributes() != null) {
                    node.attributes().forEach((k, v) -> attributes.put(k, show(v)));
                }
                nodes.add(new GraphAnswer.Node(node.id(), node.type(), node.name(), attributes, null));
            }
        }
        List<GraphAnswer.Edge> edges = graph.edges().stream()
                .map(e -> new GraphAnswer.Edge(show(e.origin()), show(e.destination()), e.kind(), e.validFrom(), e.validTo())).toList();
        return new GraphAnswer(nodes, edges);
    }

    /** What was hidden, for the answer; null where the reader sees everything. */
    public Redacted summary() {
        return scope.everything() ? null : Redacted.of(aliases.size(), scope.namespaces());
    }
}
