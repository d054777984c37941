package io.headwater.testkit;

import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provenance graph as a compacted reader of the graph topics sees it (the latest value per id,
 * tombstones removed): what two platforms are compared by, once it has stopped changing.
 */
public record GraphSnapshot(Map<String, GraphNode> nodes, Map<String, GraphEdge> edges) {

    /** Reads the graph until two reads a few seconds apart agree (and it is not empty), within {@code timeout}. */
    public static GraphSnapshot settled(String bootstrap, String registryUrl, Duration timeout) throws InterruptedException {
        GraphSnapshot previous = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            GraphSnapshot current = new GraphSnapshot(latest(bootstrap, registryUrl, Topics.GRAPH_NODES.name(), GraphNode.class),
                    latest(bootstrap, registryUrl, Topics.GRAPH_EDGES.name(), GraphEdge.class));
            if (previous != null && previous.equals(current) && !current.nodes().isEmpty()) {
                return current;
            }
            previous = current;
            Thread.sleep(3_000);
        }
        throw new AssertionError("the graph did not settle within " + timeout);
    }

    private static <T> Map<String, T> latest(String bootstrap, String registryUrl, String topic, Class<T> type) {
        Map<String, T> latest = new TreeMap<>();
        long[] quietSince = {System.nanoTime()};
        int[] seen = {0};
        List<ConsumerRecord<String, T>> records = TopicReader.avro(bootstrap, registryUrl, topic, type, read -> {
            if (read.size() != seen[0]) {
                seen[0] = read.size();
                quietSince[0] = System.nanoTime();
            }
            return System.nanoTime() - quietSince[0] > Duration.ofSeconds(2).toNanos();
        }, Duration.ofSeconds(120));
        for (ConsumerRecord<String, T> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    /** Ids whose value differs between the two (present in one only, or different), at most {@code limit}. */
    public static <T> List<String> differences(Map<String, T> a, Map<String, T> b, int limit) {
        java.util.Set<String> ids = new java.util.TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        return ids.stream().filter(id -> !java.util.Objects.equals(a.get(id), b.get(id))).limit(limit).toList();
    }
}
