package io.headwater.query.access;

import io.headwater.contract.graph.NodeAttributes;
import io.headwater.query.api.Impact;
import io.headwater.query.api.LineageGraph;
import io.headwater.query.api.ModelSummary;
import io.headwater.query.api.ModelVersionDetails;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.api.Provenance;
import io.headwater.query.api.RunDetails;
import io.headwater.query.api.SearchResults;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each answer as the asking reader may see it. A reader whose key is scoped to namespaces gets the
 * whole answer with what lies outside them redacted and counted ({@link Redaction}); asking about one
 * such thing directly (a run, the start node of a lineage question) is a 403. Everyone else gets the
 * answer unchanged.
 */
@ApplicationScoped
public class ScopedAnswers {

    private final GraphStore store;
    private final SecurityIdentity identity;

    public ScopedAnswers(GraphStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    /**
     * The redaction for this request's reader, the graph read as of {@code asOf} (null: now); null where the reader sees
     * everything, so that an unscoped answer is returned as it is, without a second look at the graph.
     */
    private Redaction redaction(Instant asOf) {
        ReadScope scope = ReadScope.of(identity);
        if (scope.everything()) {
            return null;
        }
        GraphView graph = new GraphView(store, asOf);
        return new Redaction(scope, run -> graph.node(run).map(n -> n.getAttributes().get(NodeAttributes.Run.JOB)));
    }

    /** Which nodes this request's reader may see, the reader's scope looked up once for many nodes. */
    public java.util.function.Predicate<String> visibility() {
        Redaction redaction = redaction(null);
        return redaction == null ? nodeId -> true : nodeId -> !redaction.hides(nodeId);
    }

    /** Refuses a question about a node that lies outside the reader's scope. */
    public void requireVisible(String nodeId) {
        if (!visibility().test(nodeId)) {
            throw new OutOfScopeException(nodeId, ReadScope.of(identity));
        }
    }

    /** A model version's validations as this reader may see them: runs (and their data) of other namespaces are left out and counted in the note. */
    public io.headwater.query.api.ModelValidations validations(io.headwater.query.api.ModelValidations v) {
        Redaction redaction = redaction(null);
        if (redaction == null) {
            return v;
        }
        List<io.headwater.query.api.ModelValidations.Validation> visible = v.validations().stream().filter(x -> !redaction.hides(x.runId())).toList();
        int hidden = v.validations().size() - visible.size();
        io.headwater.query.api.ModelValidations.Validation last = v.lastValidation() != null && redaction.hides(v.lastValidation().runId()) ? null : v.lastValidation();
        return new io.headwater.query.api.ModelValidations(v.modelVersionId(), visible, last, v.alertsSince(), v.openFromBefore(), v.referenceProfile(),
                hidden == 0 ? v.note() : hidden + " validation run(s) outside the namespaces this key may read are left out");
    }

    public Provenance provenance(Provenance p) {
        Redaction r = redaction(p.asOf());
        if (r == null) {
            return p;
        }
        Map<String, List<RunDetails.DataRef>> data = new LinkedHashMap<>();
        p.data().forEach((role, refs) -> data.put(role, r.showRefs(refs)));
        List<Provenance.UpstreamStep> upstream = p.upstream().stream().map(s -> r.hides(s.writtenByRun())
                ? new Provenance.UpstreamStep(s.depth(), r.show(s.dataset()), r.show(s.writtenByRun()), null, null, null, null, r.showRefs(s.inputs()))
                : new Provenance.UpstreamStep(s.depth(), r.show(s.dataset()), s.writtenByRun(), s.job(), r.show(s.parentRun()), s.code(),
                        s.environment(), r.showRefs(s.inputs()))).toList();
        return new Provenance(p.decision(), version(r, p.modelVersion()), r.show(p.trainingRun()), data, upstream, r.show(p.graph()),
                p.asOf(), p.partial(), p.partialReason(), r.summary());
    }

    public LineageGraph lineage(LineageGraph g) {
        Redaction r = redaction(null);
        if (r == null) {
            return g;
        }
        List<LineageGraph.Node> nodes = g.graph().stream().map(n -> new LineageGraph.Node(r.show(n.id()), n.type(),
                r.hides(n.id()) ? Map.of("redacted", true) : castMap(r.showAll(n.data())), edges(r, n.inEdges()), edges(r, n.outEdges()))).toList();
        return new LineageGraph(nodes, g.partial(), g.partialReason(), r.summary());
    }

    public Impact impact(Impact i) {
        Redaction r = redaction(null);
        if (r == null) {
            return i;
        }
        return new Impact(i.nodeId(), r.show(i.jobs()), i.runCount(), r.show(i.runs()), r.show(i.datasetVersions()), i.modelVersions(),
                i.decisionCount(), i.decisions(), i.nextCursor(), i.partial(), i.partialReason(), r.summary());
    }

    public SearchResults search(SearchResults s) {
        Redaction r = redaction(null);
        if (r == null) {
            return s;
        }
        List<SearchResults.Hit> hits = s.results().stream().map(h -> r.hides(h.nodeId())
                ? new SearchResults.Hit(h.type(), null, null, r.show(h.nodeId()), null, null, null) : h).toList();
        return new SearchResults(s.totalCount(), hits, r.summary());
    }

    public ModelVersionDetails modelVersion(ModelVersionDetails m) {
        Redaction r = redaction(null);
        if (r == null) {
            return m;
        }
        return new ModelVersionDetails(version(r, m.version()), r.show(m.trainingRun()), m.decisions(), r.summary());
    }

    public List<ModelSummary> models(List<ModelSummary> models) {
        Redaction r = redaction(null);
        if (r == null) {
            return models;
        }
        return models.stream().map(m -> new ModelSummary(m.id(), m.name(), m.firstSeen(), m.lastSeen(),
                m.versions().stream().map(v -> version(r, v)).toList())).toList();
    }

    /** A run the reader may see, with its hidden neighbours (parent, data from other namespaces) aliased. */
    public RunDetails run(RunDetails run) {
        Redaction r = redaction(null);
        return r == null ? run : r.show(run);
    }

    private static ModelVersionView version(Redaction r, ModelVersionView v) {
        return v == null ? null : new ModelVersionView(v.id(), v.name(), v.version(), v.uri(), v.digest(), v.framework(), r.show(v.trainingRun()),
                v.createdAt(), v.decisionCount(), v.openAlerts(), v.openSeverity());
    }

    private static List<LineageGraph.Edge> edges(Redaction r, List<LineageGraph.Edge> edges) {
        return edges.stream().map(e -> new LineageGraph.Edge(r.show(e.origin()), r.show(e.destination()))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
