package io.headwater.query.decisions;

import io.headwater.avro.LinkedDecision;
import io.headwater.query.model.DecisionPage;
import io.headwater.query.model.DecisionView;
import io.headwater.query.streams.GraphStore.GraphNotReadyException;
import io.headwater.query.streams.TopologyProducer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decisions live in partitioned stores: each instance holds the partitions Kafka assigned it.
 * A question about a key is answered here when this instance owns the key's partition, and
 * otherwise forwarded over HTTP to the instance that does ({@link RemoteDecisions}); callers never
 * see the difference.
 */
@ApplicationScoped
public class InteractiveQueries {

    private static final StringSerializer KEYS = new StringSerializer();
    private static final char SEP = '\u001f';

    private final KafkaStreams streams;
    private final HostInfo self;
    private final RemoteDecisions remote;

    public InteractiveQueries(KafkaStreams streams, RemoteDecisions remote,
                              @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.remote = remote;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    public Optional<DecisionView> decision(String decisionId) {
        HostInfo owner = owner(TopologyProducer.DECISIONS_STORE, decisionId);
        return owner.equals(self) ? localDecision(decisionId) : remote.decision(owner, decisionId);
    }

    /** A page of the version's decisions after the cursor (null for the first), with their total; limit 0 gives the total only. */
    public DecisionPage decisionsOf(String modelVersionId, String cursor, int limit) {
        HostInfo owner = owner(TopologyProducer.DECISIONS_BY_MODEL_STORE, modelVersionId);
        return owner.equals(self) ? localDecisionsOf(modelVersionId, cursor, limit) : remote.decisionsOf(owner, modelVersionId, cursor, limit);
    }

    public long decisionCount(String modelVersionId) {
        return decisionsOf(modelVersionId, null, 0).total();
    }

    public Optional<DecisionView> localDecision(String decisionId) {
        LinkedDecision linked = this.<LinkedDecision>store(TopologyProducer.DECISIONS_STORE).get(decisionId);
        return Optional.ofNullable(linked).map(DecisionViews::of);
    }

    public DecisionPage localDecisionsOf(String modelVersionId, String cursor, int limit) {
        Long total = this.<Long>store(TopologyProducer.DECISION_COUNTS_STORE).get(modelVersionId);
        if (total == null || limit == 0) {
            return new DecisionPage(modelVersionId, total == null ? 0 : total, List.of(), null);
        }
        String prefix = "d" + SEP + modelVersionId + SEP;
        String from = cursor == null ? prefix : prefix + decodeCursor(cursor) + '\u0000';
        String to = "d" + SEP + modelVersionId + (char) (SEP + 1);
        List<DecisionView> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, LinkedDecision> it = this.<LinkedDecision>store(TopologyProducer.DECISIONS_BY_MODEL_STORE).range(from, to)) {
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

    private HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, KEYS);
        } catch (IllegalStateException e) {
            throw new GraphNotReadyException("decisions are still being assigned to instances; retry shortly");
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new GraphNotReadyException("decisions are still being assigned to instances; retry shortly");
        }
        return metadata.activeHost();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new GraphNotReadyException(e);
        }
    }

    private static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new io.headwater.query.rest.InvalidParameterException("cursor", "is not a cursor this API returned");
        }
    }
}
