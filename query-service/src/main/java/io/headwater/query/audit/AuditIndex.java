package io.headwater.query.audit;

import io.headwater.contract.Topics;
import io.headwater.contract.access.AuditEntry;
import io.headwater.query.streams.AuditIndexKeys;
import io.headwater.query.streams.PeerClient;
import io.headwater.query.streams.TopologyProducer;
import io.headwater.query.streams.StoreAccess;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The audit indexed by the ids requests asked about, one store per audit partition, on whichever instance owns
 * the partition. A partition no instance can answer for now (moving, restoring) is simply left out: the reader
 * scans it from the topic instead.
 */
@ApplicationScoped
public class AuditIndex {

    private static final String STORE = TopologyProducer.AUDIT_INDEX_STORE;
    /** Most hits one partition returns to one read; beyond, the answer says it is partial. */
    static final int MOST_HITS = 100_000;

    /** What to find: the entries matching {@code query}, the newest {@code newest} of them per partition (0: all). */
    public record HitsQuery(AuditLog.Query query, int newest) {
    }

    /**
     * One partition's matching entries as written, oldest first, and the offset it was indexed up to: the rest of
     * the partition is read from the topic. {@code truncated}: more matched than one answer holds.
     */
    public record PartitionHits(int partition, long indexedTo, List<String> entries, boolean truncated) {
    }

    private final KafkaStreams streams;
    private final StoreAccess stores;
    private final PeerClient peers;

    public AuditIndex(KafkaStreams streams, StoreAccess stores, PeerClient peers) {
        this.streams = streams;
        this.stores = stores;
        this.peers = peers;
    }

    /** From every instance, by partition, what its index holds for the query; partitions not answerable now are absent. */
    public Map<Integer, PartitionHits> hits(HitsQuery query) {
        Map<Integer, PartitionHits> byPartition = new HashMap<>();
        Collection<StreamsMetadata> instances;
        try {
            instances = streams.streamsMetadataForStore(STORE);
        } catch (RuntimeException notRunning) {
            return byPartition;
        }
        for (StreamsMetadata instance : instances) {
            List<Integer> partitions = auditPartitions(instance.topicPartitions());
            if (partitions.isEmpty()) {
                continue;
            }
            try {
                List<PartitionHits> found = stores.hosts(STORE, partitions.get(0)) ? localHits(query)
                        : peers.read(peers.post(instance.hostInfo(), "/internal/v1/audit-hits", query), peers.listOf(PartitionHits.class));
                found.forEach(hits -> byPartition.put(hits.partition(), hits));
            } catch (RuntimeException unavailable) {
                // That instance's partitions are read from the topic.
            }
        }
        return byPartition;
    }

    /** What this instance's partitions of the index hold for the query. */
    public List<PartitionHits> localHits(HitsQuery query) {
        List<PartitionHits> found = new ArrayList<>();
        List<Integer> partitions = auditPartitions(streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream()).flatMap(task -> task.topicPartitions().stream()).toList());
        for (int partition : partitions) {
            try {
                found.add(hitsOf(stores.keyValue(STORE, partition), partition, query));
            } catch (RuntimeException notQueryable) {
                // Restoring or moving: the reader scans this partition from the topic.
            }
        }
        return found;
    }

    static PartitionHits hitsOf(ReadOnlyKeyValueStore<String, String> index, int partition, HitsQuery query) {
        String position = index.get(AuditIndexKeys.POSITION);
        AuditLog.Query q = query.query();
        Predicate<AuditEntry> matches = q.matches();
        int most = query.newest() > 0 ? Math.min(query.newest(), MOST_HITS) : MOST_HITS;
        List<String> entries = new ArrayList<>();
        boolean truncated = false;
        // Newest first, so a page of the newest stops early; returned oldest first.
        try (KeyValueIterator<String, String> it = index.reverseRange(AuditIndexKeys.hitsFrom(q.id(), q.since()), AuditIndexKeys.hitsUntil(q.id(), q.until()))) {
            while (it.hasNext()) {
                String raw = index.get(AuditIndexKeys.entry(AuditIndexKeys.offsetOf(it.next().key)));
                if (raw == null || !q.mayMatch(raw) || !matches.test(AuditEntry.fromJson(raw))) {
                    continue;
                }
                if (entries.size() == most) {
                    truncated = query.newest() == 0;
                    break;
                }
                entries.add(raw);
            }
        }
        java.util.Collections.reverse(entries);
        return new PartitionHits(partition, position == null ? 0 : Long.parseLong(position), entries, truncated);
    }

    private static List<Integer> auditPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(Topics.AUDIT.name())).map(TopicPartition::partition).sorted().toList();
    }
}
