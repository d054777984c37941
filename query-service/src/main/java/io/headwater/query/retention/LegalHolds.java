package io.headwater.query.retention;

import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.NodeId;
import io.headwater.contract.retention.LegalHold;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.errors.NotFoundException;
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
import java.util.UUID;

/** Legal holds: placed and released by an admin, on a decision, a model version or a dataset version; every instance holds them all. */
@ApplicationScoped
public class LegalHolds {

    static final String TARGETS = NodeId.DECISION_FORM + ", " + NodeId.MODEL_VERSION_FORM + " or " + NodeId.DATASET_VERSION_FORM;
    private static final Set<NodeKind> HOLDABLE = Set.of(NodeKind.MODEL_VERSION, NodeKind.DATASET_VERSION);

    private final StoreAccess stores;
    private final RetentionRecords records;
    private final GraphStore graph;
    private final InteractiveQueries decisions;

    public LegalHolds(StoreAccess stores, RetentionRecords records, GraphStore graph, InteractiveQueries decisions) {
        this.stores = stores;
        this.records = records;
        this.graph = graph;
        this.decisions = decisions;
    }

    public LegalHold place(String target, String reason, String by) {
        if (target == null || target.isBlank()) {
            throw new InvalidParameterException("target", "is required: " + TARGETS);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "is required: why this is held (a case or matter reference)");
        }
        Optional<NodeId> id = NodeId.tryParse(target.trim());
        if (id.isPresent() && id.get().kind() == NodeKind.DECISION) {
            decisions.decision(id.get().name()).orElseThrow(() -> NotFoundException.of("decision", target));
        } else {
            graph.node(target).filter(node -> HOLDABLE.contains(node.getKind()))
                    .orElseThrow(() -> new InvalidParameterException("target", target + " is not a known decision, model version or dataset version: " + TARGETS));
        }
        LegalHold hold = new LegalHold(UUID.randomUUID().toString(), target.trim(), reason.trim(), by, Instant.now(), null, null);
        records.hold(hold.id(), hold.toJson());
        return hold;
    }

    public LegalHold release(String id, String by) {
        LegalHold hold = find(id).orElseThrow(() -> NotFoundException.of("legal hold", id));
        if (!hold.active()) {
            return hold;
        }
        LegalHold released = hold.released(by, Instant.now());
        records.hold(id, released.toJson());
        return released;
    }

    public Optional<LegalHold> find(String id) {
        return Optional.ofNullable(stores.<String>keyValue(TopologyProducer.HOLDS_STORE).get(id)).map(LegalHold::fromJson);
    }

    /** Every hold, released ones too, newest first. */
    public List<LegalHold> all() {
        List<LegalHold> all = new ArrayList<>();
        try (KeyValueIterator<String, String> it = stores.<String>keyValue(TopologyProducer.HOLDS_STORE).all()) {
            it.forEachRemaining(kv -> all.add(LegalHold.fromJson(kv.value)));
        }
        all.sort(Comparator.comparing(LegalHold::placedAt).reversed());
        return all;
    }

    public List<LegalHold> active() {
        return all().stream().filter(LegalHold::active).toList();
    }
}
