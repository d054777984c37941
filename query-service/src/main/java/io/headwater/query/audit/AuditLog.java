package io.headwater.query.audit;

import io.headwater.contract.Topics;
import io.headwater.contract.access.AuditEntry;
import io.headwater.kafka.connection.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the access audit from its topic for a time range, from every service: the topic is the record, so
 * an answer is what was written, whoever asks and whichever instance answers. Each read has a budget (time
 * and records); an answer it cut short says so.
 */
@ApplicationScoped
public class AuditLog {

    /** What one read may cost before it stops and says the answer is partial. */
    static final Duration TIME_BUDGET = Duration.ofSeconds(10);
    static final long RECORD_BUDGET = 5_000_000;

    private final KafkaConnection kafka;

    public AuditLog(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** @param since from when (null: the topic's beginning, as far as its retention keeps) */
    public record Query(String principal, String id, Instant since, Instant until) {

        public Query {
            since = since == null ? Instant.EPOCH : since;
        }

        /**
         * Whether the raw record can match at all: an id asked about or a principal appears in it as written or
         * URL-encoded, so most records of a scan are passed over without being parsed.
         */
        boolean mayMatch(String raw) {
            return mayContain(raw, id) && mayContain(raw, principal);
        }

        private static boolean mayContain(String raw, String value) {
            if (value == null || value.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
                return true; // JSON escapes these: only the parsed entry can tell
            }
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            if (raw.contains(value)) {
                return true;
            }
            // Percent-encoding may be written in either case (%3A, %3a), and a space as + or %20.
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            String wanted = encoded.toLowerCase(java.util.Locale.ROOT);
            return !encoded.equals(value) && (lower.contains(wanted) || lower.contains(wanted.replace("+", "%20")));
        }

        Predicate<AuditEntry> matches() {
            return e -> (principal == null || principal.equals(e.principal())) && (id == null || e.concerns(id))
                    && !e.time().isBefore(since) && (until == null || e.time().isBefore(until));
        }
    }

    /** The result of a read: how many records it looked at, and whether a budget cut it short. */
    public record Scan(long scanned, boolean partial) {
    }

    /** The newest {@code limit} entries that match, oldest first. */
    public Page newest(Query query, int limit) {
        Deque<AuditEntry> newest = new ArrayDeque<>();
        Scan scan = each(query, entry -> {
            newest.addLast(entry);
            if (newest.size() > limit) {
                newest.removeFirst();
            }
        });
        return new Page(List.copyOf(newest), scan.scanned(), scan.partial());
    }

    /** A page of entries, with what the read cost. */
    public record Page(List<AuditEntry> entries, long scanned, boolean partial) {
    }

    /** Every matching entry, in the order each partition holds them, to {@code sink} (the NDJSON export). */
    public Scan each(Query query, Consumer<AuditEntry> sink) {
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        long scanned = 0;
        Predicate<AuditEntry> matches = query.matches();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "headwater-audit-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000")),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, query.since().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(times, Duration.ofSeconds(10));
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = start.get(partition);
                if (offset != null && offset.offset() < end.get(partition)) {
                    consumer.seek(partition, offset.offset());
                    open.add(partition);
                }
            }
            consumer.assign(open);
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline || scanned >= RECORD_BUDGET) {
                    return new Scan(scanned, true);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    scanned++;
                    if (query.until() != null && record.timestamp() >= query.until().toEpochMilli() + 1000) {
                        continue;
                    }
                    if (record.value() == null || !query.mayMatch(record.value())) {
                        continue;
                    }
                    AuditEntry entry;
                    try {
                        entry = AuditEntry.fromJson(record.value());
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                    if (matches.test(entry)) {
                        sink.accept(entry);
                    }
                }
                open.removeIf(p -> consumer.position(p) >= end.get(p));
                consumer.assign(open);
            }
            return new Scan(scanned, false);
        }
    }
}
