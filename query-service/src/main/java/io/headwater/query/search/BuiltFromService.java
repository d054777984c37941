package io.headwater.query.search;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.query.api.BuiltFrom;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.graph.GraphView;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Q10: the model versions sharing a commit or an image (tag or digest), exactly and completely, with their decision counts. */
@ApplicationScoped
public class BuiltFromService {

    /** More job versions or environments than this under one commit or image would be a generator, not a history. */
    private static final int MAX_SOURCES = 10_000;

    private final GraphStore store;
    private final InteractiveQueries decisions;

    public BuiltFromService(GraphStore store, InteractiveQueries decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    public BuiltFrom commit(String commit) {
        return answer(commit, null, exact(NodeAttributes.JobVersion.COMMIT, commit));
    }

    /** An image by digest (sha256:…) or by name and tag as recorded. */
    public BuiltFrom image(String image) {
        List<GraphNode> sources = new ArrayList<>(exact(NodeAttributes.Environment.IMAGE_DIGEST, image));
        sources.addAll(exact(NodeAttributes.Environment.CONTAINER_IMAGE, image));
        return answer(null, image, sources);
    }

    private List<GraphNode> exact(String attribute, String value) {
        return store.nodesWithAttributePrefix(attribute, value, MAX_SOURCES).stream()
                .filter(n -> value.equals(n.getAttributes().get(attribute))).toList();
    }

    private BuiltFrom answer(String commit, String image, List<GraphNode> sources) {
        GraphView graph = new GraphView(store, null);
        Map<String, TreeSet<String>> via = new TreeMap<>();
        for (GraphNode source : sources) {
            EdgeKind toRuns = source.getKind() == NodeKind.JOB_VERSION ? EdgeKind.RUN_OF : EdgeKind.IN_ENVIRONMENT;
            for (GraphEdge run : graph.out(source.getId(), toRuns)) {
                graph.out(run.getTarget(), EdgeKind.PRODUCED).forEach(p -> via.computeIfAbsent(p.getTarget(), k -> new TreeSet<>()).add(source.getId()));
            }
        }
        Map<String, Long> counts = decisions.decisionCounts(via.keySet());
        List<BuiltFrom.Version> versions = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, TreeSet<String>> v : via.entrySet()) {
            long count = counts.getOrDefault(v.getKey(), 0L);
            total += count;
            String trainingRun = graph.node(v.getKey()).map(n -> n.getAttributes().get(NodeAttributes.ModelVersion.TRAINING_RUN)).orElse(null);
            versions.add(new BuiltFrom.Version(v.getKey(), trainingRun, count, List.copyOf(v.getValue())));
        }
        return new BuiltFrom(commit, image, sources.stream().map(GraphNode::getId).sorted().distinct().toList(), versions, total);
    }
}
