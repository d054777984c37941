package io.headwater.query.models;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.alerts.AlertService;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.ModelSummary;
import io.headwater.query.api.ModelVersionDetails;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.api.RunDetails;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.runs.RunReader;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;

/** The model inventory: every model, its versions, each with its training run and how many decisions it made. */
@ApplicationScoped
public class ModelService {

    private final GraphStore store;
    private final InteractiveQueries decisions;
    private final AlertService alerts;

    public ModelService(GraphStore store, InteractiveQueries decisions, AlertService alerts) {
        this.store = store;
        this.decisions = decisions;
        this.alerts = alerts;
    }

    /**
     * Q7: the inventory, each version with its open alerts counted. With {@code severity} (WARN or ALERT), only the
     * versions with an open alert at least that severe, and only the models that have such a version.
     */
    public List<ModelSummary> models(int limit, String severity) {
        java.util.Map<String, List<String>> open = new java.util.HashMap<>();
        alerts.alerts(new AlertService.Filter(null, null, "OPEN", null), 100_000)
                .forEach(a -> open.computeIfAbsent(a.modelVersionId(), k -> new java.util.ArrayList<>()).add(a.severity()));
        GraphView graph = new GraphView(store, null);
        // Filtered, only the models with such an alert open are read (alerts are few, models may be many).
        List<GraphNode> candidates = severity == null ? store.nodesOfKind(NodeKind.MODEL, n -> true, limit)
                : open.entrySet().stream().filter(e -> atLeast(e.getValue().contains("ALERT") ? "ALERT" : "WARN", severity))
                        .map(e -> NodeId.tryParse(e.getKey()).map(id -> NodeId.model(id.name()).value()).orElse(null))
                        .filter(java.util.Objects::nonNull).distinct().sorted()
                        .map(id -> graph.node(id).orElse(null)).filter(java.util.Objects::nonNull).toList();
        List<ModelSummary> all = candidates.stream()
                .map(model -> summary(graph, model))
                .map(m -> new ModelSummary(m.id(), m.name(), m.firstSeen(), m.lastSeen(), m.versions().stream().map(v -> withAlerts(v, open.get(v.id())))
                        .filter(v -> severity == null || atLeast(v.openSeverity(), severity)).toList()))
                .toList();
        return severity == null ? all : all.stream().filter(m -> !m.versions().isEmpty()).limit(limit).toList();
    }

    private static ModelVersionView withAlerts(ModelVersionView v, List<String> severities) {
        if (severities == null || severities.isEmpty()) {
            return v.withOpenAlerts(0, null);
        }
        return v.withOpenAlerts(severities.size(), severities.contains("ALERT") ? "ALERT" : "WARN");
    }

    private static boolean atLeast(String worst, String wanted) {
        return worst != null && (wanted.equals("WARN") || worst.equals("ALERT"));
    }

    public ModelVersionDetails version(String name, String version, int decisionPageSize) {
        GraphView graph = new GraphView(store, null);
        String id = NodeId.modelVersion(name, version).value();
        GraphNode node = graph.node(id).filter(n -> n.getKind() == NodeKind.MODEL_VERSION)
                .orElseThrow(() -> NotFoundException.of("model version", id));
        DecisionPage page = decisions.decisionsOf(id, null, decisionPageSize);
        ModelVersionView view = ModelReader.version(graph, node, page.total());
        RunDetails trainingRun = view.trainingRun() == null ? null : RunReader.read(graph, view.trainingRun()).orElse(null);
        return new ModelVersionDetails(view, trainingRun, page, null);
    }

    public DecisionPage decisions(String name, String version, String cursor, int limit) {
        String id = NodeId.modelVersion(name, version).value();
        if (store.node(id).isEmpty() && decisions.decisionCount(id) == 0) {
            throw NotFoundException.of("model version", id);
        }
        return decisions.decisionsOf(id, cursor, limit);
    }

    private ModelSummary summary(GraphView graph, GraphNode model) {
        List<GraphNode> nodes = graph.in(model.getId(), EdgeKind.VERSION_OF).stream()
                .map(GraphEdge::getSource)
                .map(graph::node).flatMap(java.util.Optional::stream)
                .toList();
        java.util.Map<String, Long> counts = decisions.decisionCounts(nodes.stream().map(GraphNode::getId).toList());
        List<ModelVersionView> versions = nodes.stream()
                .map(v -> ModelReader.version(graph, v, counts.getOrDefault(v.getId(), 0L)))
                .sorted(Comparator.comparing(ModelVersionView::createdAt).thenComparing(ModelVersionView::version))
                .toList();
        return new ModelSummary(model.getId(), model.getName(), model.getFirstSeen(), model.getLastSeen(), versions);
    }
}
