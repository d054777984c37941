package io.headwater.query.reports;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.alerts.AlertService;
import io.headwater.query.api.AlertView;
import io.headwater.query.api.ModelDocumentation;
import io.headwater.query.api.ModelValidations;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.api.Provenance;
import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.Bounds;
import io.headwater.query.graph.GraphView;
import io.headwater.query.models.ModelReader;
import io.headwater.query.models.ValidationService;
import io.headwater.query.provenance.ProvenanceService;
import io.headwater.query.runs.RunComparisons;
import io.headwater.query.runs.RunReader;
import io.headwater.query.streams.GraphStore;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Builds a model version's technical documentation from what the graph, the validations and the alerts hold. */
@ApplicationScoped
public class ModelDocumentations {

    private final ProvenanceService provenance;
    private final ValidationService validations;
    private final AlertService alerts;
    private final GraphStore store;
    private final ScopedAnswers scoped;
    private final SecurityIdentity identity;

    public ModelDocumentations(ProvenanceService provenance, ValidationService validations, AlertService alerts, GraphStore store,
                               ScopedAnswers scoped, SecurityIdentity identity) {
        this.provenance = provenance;
        this.validations = validations;
        this.alerts = alerts;
        this.store = store;
        this.scoped = scoped;
        this.identity = identity;
    }

    public ModelDocumentation documentation(String name, String version, Instant asOf, Bounds bounds) {
        String id = NodeId.modelVersion(name, version).value();
        Provenance p = scoped.provenance(provenance.ofModelVersion(id, asOf, bounds)
                .orElseThrow(() -> NotFoundException.of("model version", id + (asOf == null ? "" : " as of " + asOf))));
        ModelValidations checked = scoped.validations(validations.validations(name, version, asOf));
        List<AlertView> raised = alerts.alerts(new AlertService.Filter(name, version, null, null), 10_000).stream()
                .filter(a -> asOf == null || !a.openedAt().isAfter(asOf))
                .sorted(Comparator.comparing(AlertView::openedAt)).toList();
        GraphView graph = new GraphView(store, asOf);
        Optional<ModelVersionView> previous = previous(graph, p.modelVersion());
        RunComparison changes = null;
        if (previous.isPresent() && previous.get().trainingRun() != null && p.trainingRun() != null) {
            Optional<RunDetails> before = RunReader.read(graph, previous.get().trainingRun());
            if (before.isPresent()) {
                changes = RunComparisons.of(List.of(before.get(), p.trainingRun()));
            }
        }
        return new ModelDocumentation(Instant.now(), identity.getPrincipal().getName(), asOf, p.modelVersion(), p.trainingRun(), p.data(), p.upstream(),
                checked.validations(), previous.map(ModelVersionView::id).orElse(null), changes, raised, p.partial(), p.partialReason(), p.redacted());
    }

    /** The version of the same model created last before this one. */
    private static Optional<ModelVersionView> previous(GraphView graph, ModelVersionView current) {
        if (current == null || current.createdAt() == null) {
            return Optional.empty();
        }
        return graph.in(NodeId.model(current.name()).value(), EdgeKind.VERSION_OF).stream()
                .map(edge -> graph.node(edge.getSource()).orElse(null))
                .filter(n -> n != null && n.getKind() == NodeKind.MODEL_VERSION && !n.getId().equals(current.id()))
                .map((GraphNode n) -> ModelReader.version(graph, n, null))
                .filter(v -> v.createdAt() != null && v.createdAt().isBefore(current.createdAt()))
                .max(Comparator.comparing(ModelVersionView::createdAt));
    }
}
