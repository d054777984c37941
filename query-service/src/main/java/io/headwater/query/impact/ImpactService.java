package io.headwater.query.impact;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphNode;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.query.api.Impact;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.graph.Bounds;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node touched: version-level, downstream. A dataset version leads to the runs that read
 * it, a run to the dataset versions it wrote, its child runs and the model versions it produced;
 * a model version to its decisions, counted and paged, never loaded whole. A dataset, job, job
 * version or environment starts from all its versions or runs.
 */
@ApplicationScoped
public class ImpactService {

    private final GraphStore store;
    private final InteractiveQueries decisions;

    public ImpactService(GraphStore store, InteractiveQueries decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    public Impact impact(String nodeId, Bounds bounds, String cursor, int limit) {
        return impact(nodeId, bounds, cursor, limit, true);
    }

    /**
     * What is downstream, with decision counts but no page of decisions and no jobs: what Q2 and Q5 need. A run is
     * then never read (its kind is in its id), so a hub's ten thousand steps cost one edge scan each.
     */
    public Impact reach(String nodeId, Bounds bounds) {
        return impact(nodeId, bounds, null, 0, false);
    }

    private Impact impact(String nodeId, Bounds bounds, String cursor, int limit, boolean withJobs) {
        GraphView graph = new GraphView(store, null);
        GraphNode start = graph.node(nodeId).orElseThrow(() -> new NodeNotFoundException(nodeId));
        Bounds.Budget budget = bounds.start();
        TreeSet<String> jobs = new TreeSet<>();
        TreeSet<String> runs = new TreeSet<>();
        TreeSet<String> versions = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(start.getId(), 0);
        queue.add(start.getId());
        while (!queue.isEmpty()) {
            String current = queue.poll();
            int d = depth.get(current);
            // The kind is in the id; only a run is read (for its job), so most steps cost one edge scan and no node read.
            io.headwater.avro.NodeKind kind = io.headwater.contract.graph.NodeId.tryParse(current).map(io.headwater.contract.graph.NodeId::kind).orElse(null);
            if (kind == null || (kind == io.headwater.avro.NodeKind.RUN && withJobs) || kind == io.headwater.avro.NodeKind.UNKNOWN) {
                GraphNode node = graph.node(current).orElse(null);
                if (node == null) {
                    continue;
                }
                kind = node.getKind();
                if (kind == io.headwater.avro.NodeKind.RUN && node.getAttributes().get(Run.JOB) != null) {
                    jobs.add(node.getAttributes().get(Run.JOB));
                }
            }
            switch (kind) {
                case RUN -> runs.add(current);
                case DATASET_VERSION -> versions.add(current);
                case MODEL_VERSION -> models.add(current);
                default -> { }
            }
            List<String> next = downstream(graph, current, kind);
            if (!next.isEmpty() && !budget.mayExpand(d)) {
                budget.cutAtDepth();
                continue;
            }
            for (String n : next) {
                if (depth.containsKey(n)) {
                    continue;
                }
                if (!budget.take()) {
                    break;
                }
                depth.put(n, d + 1);
                queue.add(n);
            }
            if (budget.stopped()) {
                break;
            }
        }
        versions.remove(start.getId());
        return withDecisions(nodeId, jobs, runs, versions, models, cursor, limit, budget);
    }

    private Impact withDecisions(String nodeId, Set<String> jobs, Set<String> runs, Set<String> versions, Set<String> models,
                                 String cursor, int limit, Bounds.Budget budget) {
        List<Impact.ModelVersionImpact> counts = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> count : decisions.decisionCounts(models).entrySet()) {
            counts.add(new Impact.ModelVersionImpact(count.getKey(), count.getValue()));
            total += count.getValue();
        }
        DecisionPaging.Page page = DecisionPaging.page(new ArrayList<>(models), cursor, limit, decisions::decisionsOf);
        List<String> runList = new ArrayList<>(runs);
        return new Impact(nodeId, new ArrayList<>(jobs), runs.size(), runList.size() > 1000 ? runList.subList(0, 1000) : runList,
                new ArrayList<>(versions), counts, total, page.decisions(), page.nextCursor(), budget.partial(), budget.partialReason(), null);
    }

    /** The nodes one step downstream, version-level. */
    private static List<String> downstream(GraphView graph, String id, io.headwater.avro.NodeKind kind) {
        List<String> next = new ArrayList<>();
        switch (kind) {
            case DATASET -> {
                graph.in(id, EdgeKind.VERSION_OF).forEach(e -> next.add(e.getSource()));
                graph.out(id, EdgeKind.READ).forEach(e -> next.add(e.getTarget()));
            }
            case DATASET_VERSION -> graph.out(id, EdgeKind.READ).forEach(e -> next.add(e.getTarget()));
            case RUN -> graph.out(id, Set.of(EdgeKind.WROTE, EdgeKind.CHILD_OF, EdgeKind.PRODUCED)).forEach(e -> next.add(e.getTarget()));
            case JOB -> graph.in(id, EdgeKind.VERSION_OF).forEach(e -> next.add(e.getSource()));
            case JOB_VERSION -> graph.out(id, EdgeKind.RUN_OF).forEach(e -> next.add(e.getTarget()));
            case ENVIRONMENT -> graph.out(id, EdgeKind.IN_ENVIRONMENT).forEach(e -> next.add(e.getTarget()));
            case MODEL -> graph.in(id, EdgeKind.VERSION_OF).forEach(e -> next.add(e.getSource()));
            default -> { }
        }
        next.sort(null);
        return next;
    }

}
