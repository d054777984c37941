package io.headwater.query.retention;

import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeId;
import io.headwater.contract.retention.ErasureReceipt;
import io.headwater.contract.retention.LegalHold;
import io.headwater.query.api.DecisionView;
import io.headwater.query.api.ErasureAnswer;
import io.headwater.query.api.ErasureRequest;
import io.headwater.query.api.ErasureStatus;
import io.headwater.query.api.Impact;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.HeldException;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.errors.NodeNotFoundException;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.graph.Bounds;
import io.headwater.query.impact.ImpactService;
import io.headwater.query.streams.GraphStore;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Erasure: of a data subject (their decisions), of one decision, or of a dataset version. A dry run shows
 * the impact (Q5); the run itself checks the legal holds (409 naming them), writes tombstones for the
 * decisions (lineage-streams and every store after it follow), and records a receipt. Lineage stays: it is
 * the technical documentation the law asks to keep, and holds no decision's content.
 */
@ApplicationScoped
public class Erasures {

    /** Where a decision lives, in the order its tombstone reaches them. */
    static final List<String> DECISION_PLACES = List.of(
            "topic " + Topics.DECISIONS.name() + " (tombstone; compacted away within a day)",
            "lineage-streams stores decisions, decision-fingerprints, decisions-linked and their changelogs",
            "topic " + Topics.DECISIONS_LINKED.name() + " (tombstone; compacted away within a day)",
            "query-service stores " + TopologyProducer.DECISIONS_STORE + ", " + TopologyProducer.DECISIONS_BY_SUBJECT_STORE + ", "
                    + TopologyProducer.DECISIONS_BY_MODEL_STORE + ", " + TopologyProducer.DECISION_COUNTS_STORE + " and their changelogs",
            "the web UI (decision pages are fetched each time, never cached)");
    static final List<String> DECISION_KEEPS = List.of(
            "the access audit (" + Topics.AUDIT.name() + "): who read these decision ids and when, as Art. 12 logging asks; no decision content",
            "raw JSON a serving system wrote to " + Topics.DECISIONS_IN.name() + ": leaves with that topic's retention",
            "the lineage of the model versions: technical documentation (Art. 18), holding no decision");

    private final InteractiveQueries decisions;
    private final LegalHolds holds;
    private final RetentionRecords records;
    private final ImpactService impact;
    private final GraphStore graph;
    private final StoreAccess stores;

    public Erasures(InteractiveQueries decisions, LegalHolds holds, RetentionRecords records, ImpactService impact, GraphStore graph, StoreAccess stores) {
        this.decisions = decisions;
        this.holds = holds;
        this.records = records;
        this.impact = impact;
        this.graph = graph;
        this.stores = stores;
    }

    public ErasureAnswer erase(ErasureRequest request, String by, Bounds bounds) {
        if (request == null || (blank(request.subjectId()) == blank(request.target()))) {
            throw new InvalidParameterException("subjectId", "give exactly one of subjectId (a data subject) or target (" + NodeId.DECISION_FORM
                    + " or " + NodeId.DATASET_VERSION_FORM + ")");
        }
        ErasureAnswer answer = blank(request.subjectId()) ? ofTarget(request.target().trim(), bounds) : ofSubject(request.subjectId().trim());
        if (!request.executes()) {
            return answer;
        }
        if (!answer.blockedBy().isEmpty()) {
            throw new HeldException("legal holds keep what this erasure would delete; release them first (DELETE /api/v1/holds/{id})",
                    answer.blockedBy().stream().map(h -> h.id() + " on " + h.target() + ": " + h.reason()).toList());
        }
        List<String> ids = answer.decisions().stream().map(ErasureAnswer.DecisionRef::decisionId).toList();
        boolean removesDecisions = !"dataset-version".equals(answer.kind());
        if (removesDecisions) {
            records.removeDecisions(ids);
        }
        ErasureReceipt receipt = new ErasureReceipt(UUID.randomUUID().toString(), answer.kind(),
                answer.subjectId() == null ? null : ErasureReceipt.subjectHash(answer.subjectId()), answer.target(),
                request.reason(), by, Instant.now(), removesDecisions ? ids : List.of(), answer.modelVersions(),
                removesDecisions ? DECISION_PLACES : List.of(), answer.keeps());
        records.receipt(receipt.id(), receipt.toJson());
        return new ErasureAnswer(false, answer.kind(), answer.subjectId(), answer.target(), answer.decisionCount(), answer.decisions(),
                answer.modelVersions(), answer.runCount(), answer.runs(), answer.datasetVersions(), List.of(), answer.removes(), answer.keeps(), receipt);
    }

    private ErasureAnswer ofSubject(String subjectId) {
        List<DecisionView> found = decisions.decisionsOfSubject(subjectId);
        return ofDecisions("subject", subjectId, null, found);
    }

    private ErasureAnswer ofTarget(String target, Bounds bounds) {
        NodeId id = NodeId.tryParse(target).orElseThrow(() -> new InvalidParameterException("target", "is not a node id: " + LegalHolds.TARGETS));
        if (id.kind() == NodeKind.DECISION) {
            DecisionView decision = decisions.decision(id.name()).orElseThrow(() -> NotFoundException.of("decision", id.name()));
            return ofDecisions("decision", null, target, List.of(decision));
        }
        if (id.kind() != NodeKind.DATASET_VERSION) {
            throw new InvalidParameterException("target", "must be a decision or a dataset version, not a " + id.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        graph.node(target).orElseThrow(() -> new NodeNotFoundException(target));
        Impact downstream = impact.reach(target, bounds);
        Set<String> models = new TreeSet<>();
        downstream.modelVersions().forEach(m -> models.add(m.id()));
        Set<String> depends = new TreeSet<>(models);
        depends.add(target);
        depends.addAll(downstream.datasetVersions());
        List<LegalHold> blocking = new ArrayList<>();
        for (LegalHold hold : holds.active()) {
            if (depends.contains(hold.target()) || heldDecisionOf(hold, models)) {
                blocking.add(hold);
            }
        }
        return new ErasureAnswer(true, "dataset-version", null, target, downstream.decisionCount(), List.of(), List.copyOf(models),
                downstream.runCount(), downstream.runs(), downstream.datasetVersions(), blocking,
                List.of("nothing in Headwater: it holds the dataset version's lineage, not its rows; the receipt records that the data was erased "
                        + "at its source and what downstream was made from it"),
                List.of("the dataset version's lineage and everything downstream: technical documentation (Art. 18); model versions trained on it "
                        + "and their " + downstream.decisionCount() + " decisions are listed here for re-assessment"), null);
    }

    private boolean heldDecisionOf(LegalHold hold, Set<String> models) {
        Optional<NodeId> id = NodeId.tryParse(hold.target());
        return id.isPresent() && id.get().kind() == NodeKind.DECISION
                && decisions.decision(id.get().name()).map(d -> models.contains(d.modelVersionId())).orElse(false);
    }

    private ErasureAnswer ofDecisions(String kind, String subjectId, String target, List<DecisionView> found) {
        Set<String> heldTargets = new TreeSet<>();
        List<LegalHold> active = holds.active();
        active.forEach(h -> heldTargets.add(h.target()));
        List<LegalHold> blocking = new ArrayList<>();
        Set<String> models = new TreeSet<>();
        List<ErasureAnswer.DecisionRef> refs = new ArrayList<>();
        for (DecisionView decision : found) {
            refs.add(new ErasureAnswer.DecisionRef(decision.decisionId(), decision.modelVersionId(), decision.decisionTime()));
            models.add(decision.modelVersionId());
            String node = NodeId.decision(decision.decisionId()).value();
            if (heldTargets.contains(node)) {
                active.stream().filter(h -> h.target().equals(node)).forEach(blocking::add);
            }
        }
        return new ErasureAnswer(true, kind, subjectId, target, refs.size(), refs, List.copyOf(models), 0, null, null, blocking,
                DECISION_PLACES, DECISION_KEEPS, null);
    }

    /** A receipt with whether every store now answers without its decisions. */
    public ErasureStatus status(String id) {
        ErasureReceipt receipt = receipt(id).orElseThrow(() -> NotFoundException.of("erasure", id));
        List<String> remaining = receipt.decisionsErased() == null ? List.of()
                : receipt.decisionsErased().stream().filter(d -> decisions.decision(d).isPresent()).toList();
        return new ErasureStatus(receipt, remaining.isEmpty(), remaining);
    }

    public Optional<ErasureReceipt> receipt(String id) {
        return Optional.ofNullable(stores.<String>keyValue(TopologyProducer.ERASURES_STORE).get(id)).map(ErasureReceipt::fromJson);
    }

    /** Every receipt, newest first. */
    public List<ErasureReceipt> receipts() {
        List<ErasureReceipt> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = stores.<String>keyValue(TopologyProducer.ERASURES_STORE).all()) {
            it.forEachRemaining(kv -> all.add(ErasureReceipt.fromJson(kv.value)));
        }
        all.sort(Comparator.comparing(ErasureReceipt::requestedAt).reversed());
        return all;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
