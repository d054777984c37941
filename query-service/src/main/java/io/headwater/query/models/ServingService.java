package io.headwater.query.models;

import io.headwater.avro.Deployment;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.contract.TimeOrderedKeys;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.ServingAnswer;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Q3: the model version serving at a time, from the deployments serving systems reported, else from the decisions. */
@ApplicationScoped
public class ServingService {

    private final StoreAccess stores;
    private final GraphStore graph;
    private final InteractiveQueries decisions;

    public ServingService(StoreAccess stores, GraphStore graph, InteractiveQueries decisions) {
        this.stores = stores;
        this.graph = graph;
        this.decisions = decisions;
    }

    public ServingAnswer servingAt(String model, Instant at, String endpoint) {
        List<Deployment> reported = new ArrayList<>();
        try (KeyValueIterator<String, Deployment> it = stores.<Deployment>keyValue(TopologyProducer.DEPLOYMENTS_STORE)
                .range(TimeOrderedKeys.prefix(model), TimeOrderedKeys.end(model))) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && (endpoint == null || endpoint.equals(kv.value.getEndpoint()))) {
                    reported.add(kv.value);
                }
            });
        }
        if (!reported.isEmpty()) {
            // Per endpoint, the latest deployment begun by then and not retired by then: a newer one supersedes an older one still open.
            Map<String, Deployment> current = new LinkedHashMap<>();
            reported.stream().filter(d -> !d.getDeployedAt().isAfter(at) && (d.getRetiredAt() == null || d.getRetiredAt().isAfter(at)))
                    .sorted(Comparator.comparing(Deployment::getDeployedAt))
                    .forEach(d -> current.put(d.getEndpoint(), d));
            List<ServingAnswer.Serving> serving = current.values().stream().map(d -> new ServingAnswer.Serving(d.getEndpoint(),
                    NodeId.modelVersion(model, d.getModelVersion()).value(), d.getModelVersion(), d.getDeployedAt(), d.getRetiredAt(), d.getSentBy()))
                    .toList();
            return new ServingAnswer(model, at, endpoint, "deployments", serving, serving.isEmpty()
                    ? reported.size() + " deployment(s) were reported for this model, and none was serving at " + at : null);
        }
        return fromDecisions(model, at, endpoint);
    }

    private ServingAnswer fromDecisions(String model, Instant at, String endpoint) {
        GraphView view = new GraphView(graph, null);
        String modelId = NodeId.model(model).value();
        if (view.node(modelId).isEmpty()) {
            throw NotFoundException.of("model", model);
        }
        String best = null;
        Instant bestFirst = null;
        for (GraphEdge version : view.in(modelId, EdgeKind.VERSION_OF)) {
            DecisionPage first = decisions.decisionsOf(version.getSource(), null, 1);
            if (first.decisions().isEmpty()) {
                continue;
            }
            Instant t = first.decisions().get(0).decisionTime();
            if (!t.isAfter(at) && (bestFirst == null || t.isAfter(bestFirst))) {
                best = version.getSource();
                bestFirst = t;
            }
        }
        String note = "no deployment was reported for this model" + (endpoint == null ? "" : " at endpoint " + endpoint)
                + ": this is the version whose first decision came last before " + at + "; it cannot tell endpoints apart";
        if (best == null) {
            return new ServingAnswer(model, at, endpoint, "decisions", List.of(), note + "; no version had made a decision by then");
        }
        NodeId id = NodeId.parse(best);
        return new ServingAnswer(model, at, endpoint, "decisions", List.of(new ServingAnswer.Serving(null, best, id.version(), bestFirst, null, null)), note);
    }
}
