package io.headwater.query.search;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.query.api.SearchResults.Hit;
import io.headwater.query.api.SearchResults;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Finds datasets, jobs and models whose name contains the text; job versions and environments
 * whose commit, image or image digest starts with it, each with the model versions trained from it
 * ("which models share commit C or image I"); and jobs, runs and datasets with a tag ({@code pii},
 * {@code pii=true}), an owner ({@code team:payments}) or another name (a table's storage path) that starts with it.
 */
@ApplicationScoped
public class SearchService {

    private static final List<NodeKind> BY_NAME = List.of(NodeKind.DATASET, NodeKind.JOB, NodeKind.MODEL);
    private static final List<String> BY_VALUE = NodeAttributes.SEARCHABLE;

    private final GraphStore store;

    public SearchService(GraphStore store) {
        this.store = store;
    }

    public SearchResults search(String query, int limit) {
        GraphView graph = new GraphView(store, null);
        String needle = query.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (String attribute : BY_VALUE) {
            for (GraphNode node : store.nodesWithAttributePrefix(attribute, query, limit - hits.size())) {
                hits.add(new Hit(node.getKind().name(), node.getName(), node.getNamespace(), node.getId(), node.getLastSeen(),
                        attribute + "=" + matched(attribute, node, query), modelsBuiltFrom(graph, node)));
            }
        }
        for (NodeKind kind : BY_NAME) {
            if (hits.size() >= limit) {
                break;
            }
            for (GraphNode node : store.nodesOfKind(kind, n -> n.getName().toLowerCase(Locale.ROOT).contains(needle), limit - hits.size())) {
                hits.add(new Hit(kind.name(), node.getName(), node.getNamespace(), node.getId(), node.getLastSeen(), "name", null));
            }
        }
        return new SearchResults(hits.size(), hits, null);
    }

    /** The value that matched: of a list (tags, owners, aliases), the element that starts with the query. */
    private static String matched(String attribute, GraphNode node, String query) {
        String value = node.getAttributes().get(attribute);
        return NodeAttributes.values(attribute, value).stream().filter(v -> v.startsWith(query)).findFirst().orElse(value);
    }

    /** Model versions produced by the runs of a job version (commit) or in an environment (image). */
    private static List<String> modelsBuiltFrom(GraphView graph, GraphNode node) {
        if (node.getKind() != NodeKind.JOB_VERSION && node.getKind() != NodeKind.ENVIRONMENT) {
            return null;
        }
        EdgeKind toRuns = node.getKind() == NodeKind.JOB_VERSION ? EdgeKind.RUN_OF : EdgeKind.IN_ENVIRONMENT;
        TreeSet<String> models = new TreeSet<>();
        for (GraphEdge run : graph.out(node.getId(), toRuns)) {
            graph.out(run.getTarget(), EdgeKind.PRODUCED).forEach(p -> models.add(p.getTarget()));
        }
        return new ArrayList<>(models);
    }
}
