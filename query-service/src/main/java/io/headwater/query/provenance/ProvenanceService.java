package io.headwater.query.provenance;

import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes.Run;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.DecisionView;
import io.headwater.query.api.GraphAnswer;
import io.headwater.query.api.ModelVersionView;
import io.headwater.query.api.Provenance;
import io.headwater.query.api.RunDetails.DataRef;
import io.headwater.query.api.RunDetails;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.AnswerGraph;
import io.headwater.query.graph.Bounds;
import io.headwater.query.graph.GraphView;
import io.headwater.query.models.ModelReader;
import io.headwater.query.runs.RunReader;
import io.headwater.query.streams.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Answers "which data, code and environment produced this decision?": from the decision (in the
 * partitioned decision store) to its model version, the run that trained it, that run's code,
 * environment and data by role, then upstream dataset version by dataset version through the runs
 * that wrote them, within the bounds.
 */
@ApplicationScoped
public class ProvenanceService {

    private static final Set<EdgeKind> RUN_CONTEXT = Set.of(EdgeKind.RUN_OF, EdgeKind.IN_ENVIRONMENT, EdgeKind.CHILD_OF, EdgeKind.READ);

    private final GraphStore store;
    private final InteractiveQueries decisions;

    public ProvenanceService(GraphStore store, InteractiveQueries decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    public Provenance provenance(String decisionId, Instant asOf, Bounds bounds) {
        DecisionView decision = decisions.decision(decisionId).orElseThrow(() -> NotFoundException.of("decision", decisionId));
        GraphView graph = new GraphView(store, asOf);
        AnswerGraph answer = new AnswerGraph();
        answer.node(decisionNode(decision));

        Optional<GraphNode> versionNode = graph.node(decision.modelVersionId()).filter(n -> n.getKind() == NodeKind.MODEL_VERSION);
        if (versionNode.isEmpty()) {
            return new Provenance(decision, null, null, Map.of(), List.of(), answer.build(), asOf, true,
                    "model version " + decision.modelVersionId() + " is not known" + (asOf == null ? " yet" : " as of " + asOf)
                            + "; its training run has not completed with a headwater_modelArtifact output", null);
        }
        answer.edge(decidedBy(decision));
        return fromVersion(decision, versionNode.get(), graph, answer, bounds.start(), asOf);
    }

    /**
     * A model version's own provenance: its training run, the data by role and everything upstream (what a
     * decision's provenance holds but the decision). Empty when the version is not known (as of asOf).
     */
    public Optional<Provenance> ofModelVersion(String modelVersionId, Instant asOf, Bounds bounds) {
        GraphView graph = new GraphView(store, asOf);
        return graph.node(modelVersionId).filter(n -> n.getKind() == NodeKind.MODEL_VERSION)
                .map(version -> fromVersion(null, version, graph, new AnswerGraph(), bounds.start(), asOf));
    }

    private Provenance fromVersion(DecisionView decision, GraphNode version, GraphView graph, AnswerGraph answer, Bounds.Budget budget, Instant asOf) {
        answer.node(version);
        ModelVersionView modelVersion = ModelReader.version(graph, version, decisions.decisionCount(version.getId()));

        Optional<GraphNode> trainingRunNode = Optional.ofNullable(modelVersion.trainingRun()).flatMap(graph::node);
        if (trainingRunNode.isEmpty()) {
            return new Provenance(decision, modelVersion, null, Map.of(), List.of(), answer.build(), asOf, true,
                    "the training run of " + version.getId() + " is not known", null);
        }
        RunDetails trainingRun = RunReader.details(graph, trainingRunNode.get());
        graph.in(version.getId(), EdgeKind.PRODUCED).forEach(answer::edge);
        addRun(graph, answer, trainingRunNode.get());

        Map<String, List<DataRef>> byRole = new TreeMap<>();
        for (DataRef input : trainingRun.inputs()) {
            byRole.computeIfAbsent(input.role() == null ? "unspecified" : input.role(), r -> new ArrayList<>()).add(input);
        }
        List<Provenance.UpstreamStep> upstream = upstream(graph, answer, trainingRun.inputs(), budget);
        GraphAnswer built = answer.build();
        return new Provenance(decision, modelVersion, trainingRun, byRole, upstream, built, asOf, budget.partial(), budget.partialReason(), null);
    }

    /** Breadth-first through the writers of each dataset version, depth 1 being the training run's own inputs. */
    private List<Provenance.UpstreamStep> upstream(GraphView graph, AnswerGraph answer, List<DataRef> start, Bounds.Budget budget) {
        List<Provenance.UpstreamStep> steps = new ArrayList<>();
        Deque<Map.Entry<DataRef, Integer>> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (DataRef input : start) {
            if (seen.add(nodeId(input))) {
                queue.add(Map.entry(input, 1));
            }
        }
        while (!queue.isEmpty()) {
            Map.Entry<DataRef, Integer> next = queue.poll();
            if (!budget.take()) {
                break;
            }
            DataRef data = next.getKey();
            int depth = next.getValue();
            Optional<GraphEdge> wrote = data.datasetVersion() == null ? Optional.empty()
                    : graph.in(data.datasetVersion(), EdgeKind.WROTE).stream().findFirst();
            Optional<GraphNode> writer = wrote.flatMap(w -> graph.node(w.getSource()));
            if (writer.isEmpty()) {
                steps.add(new Provenance.UpstreamStep(depth, data, null, null, null, null, null, List.of()));
                continue;
            }
            GraphNode run = writer.get();
            answer.edge(wrote.get());
            List<GraphEdge> context = addRun(graph, answer, run);
            Map<String, String> a = run.getAttributes();
            List<DataRef> inputs = RunReader.inputs(graph, context);
            steps.add(new Provenance.UpstreamStep(depth, data, run.getId(), a.get(Run.JOB), a.get(Run.PARENT_RUN),
                    RunReader.code(graph, a.get(Run.JOB_VERSION)), a.get(Run.ENVIRONMENT), inputs));
            for (DataRef input : inputs) {
                if (!seen.add(nodeId(input))) {
                    continue;
                }
                if (budget.mayExpand(depth)) {
                    queue.add(Map.entry(input, depth + 1));
                } else {
                    budget.cutAtDepth();
                }
            }
        }
        return steps;
    }

    /**
     * The run with its job version, environment, parent and the dataset versions it read, into the
     * answer graph; returns those edges (one prefix scan serves all four kinds).
     */
    private static List<GraphEdge> addRun(GraphView graph, AnswerGraph answer, GraphNode run) {
        answer.node(run);
        List<GraphEdge> context = graph.in(run.getId(), RUN_CONTEXT);
        for (GraphEdge edge : context) {
            if (!answer.hasNode(edge.getSource())) {
                graph.node(edge.getSource()).ifPresent(answer::node);
            }
            answer.edge(edge);
        }
        return context;
    }

    private static String nodeId(DataRef ref) {
        return ref.datasetVersion() != null ? ref.datasetVersion() : ref.dataset();
    }

    private static GraphNode decisionNode(DecisionView decision) {
        return GraphNode.newBuilder().setId(NodeId.decision(decision.decisionId()).value()).setKind(NodeKind.DECISION).setName(decision.decisionId())
                .setFirstSeen(decision.decisionTime()).setLastSeen(decision.decisionTime())
                .setAttributes(Map.of(NodeAttributes.Decision.MODEL_VERSION, decision.modelVersionId())).build();
    }

    private static GraphEdge decidedBy(DecisionView decision) {
        String target = NodeId.decision(decision.decisionId()).value();
        return GraphEdge.newBuilder().setId(EdgeId.of(decision.modelVersionId(), EdgeKind.DECIDED_BY, target).value()).setKind(EdgeKind.DECIDED_BY)
                .setSource(decision.modelVersionId()).setTarget(target).setValidFrom(decision.decisionTime()).build();
    }
}
