package io.headwater.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** How many records each topic took during a run, per event sent: where the topology's work goes. */
final class RecordCounts {

    private RecordCounts() {
    }

    static Map<String, Long> endOffsets(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return endOffsets(admin, topic -> true);
        }
    }

    private static Map<String, Long> endOffsets(Admin admin, Predicate<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var topic : admin.describeTopics(admin.listTopics().names().get().stream().filter(topics).toList()).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().topic(), TreeMap::new, Collectors.summingLong(e -> e.getValue().offset())));
    }

    /**
     * Waits until no topic that lineage-streams writes (its internal topics and the graph topics) has
     * gained a record for {@code quiet}, and returns {@link System#nanoTime()} when one last did: the
     * moment the topology finished what it was given. A run's node reaching the graph says nothing
     * of the dataset versions and merged facts still on their way behind it.
     */
    static long awaitTopologyDone(String bootstrap, Duration quiet) throws Exception {
        Predicate<String> written = topic -> topic.startsWith("headwater-lineage-streams-") || topic.startsWith("headwater.graph.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<String, Long> seen = endOffsets(admin, written);
            long changedAt = System.nanoTime();
            while (System.nanoTime() - changedAt < quiet.toNanos()) {
                Thread.sleep(50);
                Map<String, Long> now = endOffsets(admin, written);
                if (!now.equals(seen)) {
                    seen = now;
                    changedAt = System.nanoTime();
                }
            }
            return changedAt;
        }
    }

    /** Records (offsets, transaction markers included) each topic gained, per event. */
    static void print(Map<String, Long> before, Map<String, Long> after, long events) {
        long total = 0;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Long> topic : after.entrySet()) {
            long added = topic.getValue() - before.getOrDefault(topic.getKey(), 0L);
            if (added > 0) {
                total += added;
                line.append(String.format("%n  %-90s %6.2f", topic.getKey(), (double) added / events));
            }
        }
        System.out.printf("records per event: %.1f in all (offsets, so transaction markers count too)%s%n", (double) total / events, line);
        Figures.add("graph: records written to Kafka per event", (double) total / events, "records", Figures.Goal.NONE, 0);
    }
}
