package io.headwater.query.alerts;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which alert offsets may be committed while deliveries run in parallel: per partition, every offset
 * below the oldest one still being delivered. A crash re-delivers what was in flight (receivers see
 * the same X-Headwater-Delivery id), never drops it; a slow receiver holds back only the commit.
 */
final class DeliveryWatermark {

    private final Map<TopicPartition, TreeMap<Long, Integer>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();

    /** An alert read at offset with this many deliveries to make (0: nothing to deliver). */
    synchronized void read(TopicPartition partition, long offset, int deliveries) {
        if (deliveries > 0) {
            pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, deliveries);
        }
        nextOffset.merge(partition, offset + 1, Math::max);
    }

    /** One delivery of the alert at offset is over (delivered, or given up on). */
    synchronized void done(TopicPartition partition, long offset) {
        TreeMap<Long, Integer> open = pending.get(partition);
        if (open != null) {
            open.computeIfPresent(offset, (o, left) -> left > 1 ? left - 1 : null);
        }
    }

    /** What may be committed now. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffset.forEach((partition, next) -> {
            TreeMap<Long, Integer> open = pending.get(partition);
            long upTo = open == null || open.isEmpty() ? next : open.firstKey();
            offsets.put(partition, new OffsetAndMetadata(upTo));
        });
        return offsets;
    }

    /** Deliveries not yet over, all partitions together. */
    synchronized int inFlight() {
        return pending.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    /** Forget partitions this instance no longer owns (their deliveries will be redone by the new owner). */
    synchronized void forget(java.util.Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            pending.remove(p);
            nextOffset.remove(p);
        });
    }
}
