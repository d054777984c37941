package io.headwater.query.decisions;

import io.headwater.avro.LinkedDecision;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
import io.headwater.query.errors.GraphNotReadyException;
import io.headwater.query.streams.GraphStoreKeys;
import io.headwater.query.streams.StoreAccess;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decisions live in partitioned stores: each instance holds the partitions Kafka assigned it.
 * A question about a key is answered here when this instance hosts the key's partition (asked of
 * Kafka Streams itself, not by comparing host names, which a proxy or a test port can make differ),
 * and otherwise forwarded over HTTP to the instance that does ({@link RemoteDecisions}); callers
 * never see the difference.
 */
@ApplicationScoped
public class InteractiveQueries {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final StoreAccess stores;
    private final RemoteDecisions remote;

    public InteractiveQueries(KafkaStreams streams, StoreAccess stores, RemoteDecisions remote) {
        this.streams = streams;
        this.stores = stores;
        this.remote = remote;
    }

    public Optional<DecisionView> decision(String decisionId) {
        KeyQueryMetadata owner = owner(TopologyProducer.DECISIONS_STORE, decisionId);
        return stores.hosts(TopologyProducer.DECISIONS_STORE, owner.partition()) ? localDecision(decisionId)
                : remote.decision(owner.activeHost(), decisionId);
    }

    /** A page of the version's decisions after the cursor (null for the first), with their total; limit 0 gives the total only. */
    public DecisionPage decisionsOf(String modelVersionId, String cursor, int limit) {
        return decisionsOf(modelVersionId, cursor, limit, null, null);
    }

    /** The same, only decisions made from {@code from} (inclusive) until {@code until} (exclusive); null for open ends. */
    public DecisionPage decisionsOf(String modelVersionId, String cursor, int limit, Instant from, Instant until) {
        KeyQueryMetadata owner = owner(TopologyProducer.DECISIONS_BY_MODEL_STORE, modelVersionId);
        return stores.hosts(TopologyProducer.DECISIONS_BY_MODEL_STORE, owner.partition()) ? localDecisionsOf(modelVersionId, cursor, limit, from, until)
                : remote.decisionsOf(owner.activeHost(), modelVersionId, cursor, limit, from, until);
    }

    public long decisionCount(String modelVersionId) {
        return decisionsOf(modelVersionId, null, 0).total();
    }

    /**
     * The decision counts of many model versions at once: those on partitions hosted here read from
     * the local store, the others asked of their owners with one request per instance.
     */
    public Map<String, Long> decisionCounts(Collection<String> modelVersionIds) {
        Map<Integer, Boolean> hostedHere = new HashMap<>();
        List<String> local = new ArrayList<>();
        Map<HostInfo, List<String>> elsewhere = new HashMap<>();
        for (String id : modelVersionIds) {
            KeyQueryMetadata owner = owner(TopologyProducer.DECISIONS_BY_MODEL_STORE, id);
            if (hostedHere.computeIfAbsent(owner.partition(), p -> stores.hosts(TopologyProducer.DECISIONS_BY_MODEL_STORE, p))) {
                local.add(id);
            } else {
                elsewhere.computeIfAbsent(owner.activeHost(), h -> new ArrayList<>()).add(id);
            }
        }
        Map<String, Long> counts = localDecisionCounts(local);
        elsewhere.forEach((host, ids) -> counts.putAll(remote.decisionCounts(host, ids)));
        return counts;
    }

    /** Counts of the versions whose partitions this instance hosts (what another instance asks). */
    public Map<String, Long> localDecisionCounts(Collection<String> modelVersionIds) {
        Map<String, Long> counts = new TreeMap<>();
        if (modelVersionIds.isEmpty()) {
            return counts;
        }
        ReadOnlyKeyValueStore<String, Long> local = stores.keyValue(TopologyProducer.DECISION_COUNTS_STORE);
        for (String id : modelVersionIds) {
            Long count = local.get(id);
            counts.put(id, count == null ? 0L : count);
        }
        return counts;
    }

    public Optional<DecisionView> localDecision(String decisionId) {
        LinkedDecision linked = stores.<LinkedDecision>keyValue(TopologyProducer.DECISIONS_STORE).get(decisionId);
        return Optional.ofNullable(linked).map(DecisionViews::of);
    }

    public DecisionPage localDecisionsOf(String modelVersionId, String cursor, int limit) {
        return localDecisionsOf(modelVersionId, cursor, limit, null, null);
    }

    /** A page in time order; the window narrows the range scan itself (keys sort by time), so old decisions are never read. */
    public DecisionPage localDecisionsOf(String modelVersionId, String cursor, int limit, Instant from, Instant until) {
        Long total = stores.<Long>keyValue(TopologyProducer.DECISION_COUNTS_STORE).get(modelVersionId);
        if (total == null || limit == 0) {
            return new DecisionPage(modelVersionId, total == null ? 0 : total, List.of(), null);
        }
        String prefix = GraphStoreKeys.decisionPrefix(modelVersionId);
        String start = cursor == null ? prefix : prefix + decodeCursor(cursor) + '\u0000';
        if (from != null && GraphStoreKeys.decisionsBefore(modelVersionId, from).compareTo(start) > 0) {
            start = GraphStoreKeys.decisionsBefore(modelVersionId, from);
        }
        String end = until == null ? GraphStoreKeys.decisionsEnd(modelVersionId) : GraphStoreKeys.decisionsBefore(modelVersionId, until);
        List<DecisionView> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, LinkedDecision> it = stores.<LinkedDecision>keyValue(TopologyProducer.DECISIONS_BY_MODEL_STORE)
                .range(start, end)) {
            while (it.hasNext()) {
                var entry = it.next();
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(DecisionViews.of(entry.value));
                last = entry.key.substring(prefix.length());
            }
        }
        return new DecisionPage(modelVersionId, total, page, more ? encodeCursor(last) : null);
    }

    /**
     * Every decision about a subject. Decisions are partitioned by id, not subject, so every instance is
     * asked for what its own partitions hold (erasure is rare; ingest stays one write per decision).
     */
    public List<DecisionView> decisionsOfSubject(String subjectId) {
        List<DecisionView> all = new ArrayList<>();
        Collection<org.apache.kafka.streams.StreamsMetadata> instances = streams.streamsMetadataForStore(TopologyProducer.DECISIONS_STORE);
        if (instances.isEmpty()) {
            throw new GraphNotReadyException("decisions are still being assigned to instances; retry shortly");
        }
        for (org.apache.kafka.streams.StreamsMetadata instance : instances) {
            if (instance.topicPartitions().isEmpty()) {
                continue;
            }
            // Which instance is this one is asked of Kafka Streams (does it host that instance's partitions?), not of host names.
            boolean local = stores.hosts(TopologyProducer.DECISIONS_STORE, instance.topicPartitions().iterator().next().partition());
            all.addAll(local ? localDecisionsOfSubject(subjectId) : remote.decisionsOfSubject(instance.hostInfo(), subjectId));
        }
        all.sort(java.util.Comparator.comparing(DecisionView::decisionTime).thenComparing(DecisionView::decisionId));
        return all;
    }

    /** The subject's decisions on the partitions this instance hosts. */
    public List<DecisionView> localDecisionsOfSubject(String subjectId) {
        List<DecisionView> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, LinkedDecision> decisionsHere = stores.keyValue(TopologyProducer.DECISIONS_STORE);
        String prefix = GraphStoreKeys.subjectPrefix(subjectId);
        try (KeyValueIterator<String, String> it = stores.<String>keyValue(TopologyProducer.DECISIONS_BY_SUBJECT_STORE)
                .range(prefix, GraphStoreKeys.subjectEnd(subjectId))) {
            while (it.hasNext()) {
                LinkedDecision linked = decisionsHere.get(it.next().key.substring(prefix.length()));
                if (linked != null) {
                    found.add(DecisionViews.of(linked));
                }
            }
        }
        return found;
    }

    private KeyQueryMetadata owner(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, KEYS);
        } catch (IllegalStateException e) {
            throw new GraphNotReadyException("decisions are still being assigned to instances; retry shortly");
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new GraphNotReadyException("decisions are still being assigned to instances; retry shortly");
        }
        return metadata;
    }

    private static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new io.headwater.query.errors.InvalidParameterException("cursor", "is not a cursor this API returned");
        }
    }
}
