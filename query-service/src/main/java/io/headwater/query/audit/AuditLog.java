package io.headwater.query.audit;

import io.headwater.contract.Topics;
import io.headwater.contract.access.AuditEntry;
import io.headwater.kafka.connection.KafkaConnection;
import io.headwater.query.streams.AuditIndexKeys;
import io.headwater.query.streams.KeptAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the access audit for a time range, from every service: the topic is the record, so an answer is what was
 * written, whoever asks and whichever instance answers. A read by id is answered by the audit index as far as it
 * has reached and by the topic past that, so it is complete up to the moment asked. Each read has a budget (time
 * and records); an answer it cut short says so.
 */
@ApplicationScoped
public class AuditLog {

    /** What one read may cost before it stops and says the answer is partial. */
    static final Duration TIME_BUDGET = Duration.ofSeconds(10);
    static final long RECORD_BUDGET = 5_000_000;

    private final KafkaConnection kafka;
    private final AuditIndex index;
    private final KeptAdmin admin;
    private volatile int partitionCount;
    private volatile long partitionCountAt;

    public AuditLog(KafkaConnection kafka, AuditIndex index) {
        this.kafka = kafka;
        this.index = index;
        this.admin = new KeptAdmin(kafka, "headwater-audit-offsets");
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

    /**
     * The result of a read: how many entries the audit index gave, how many records it read from the topic (what the
     * index had not reached, or all of them when it could not answer), and whether a budget cut it short.
     */
    public record Scan(long scanned, long indexed, boolean partial) {
    }

    /** The newest {@code limit} entries that match, oldest first. */
    public Page newest(Query query, int limit) {
        PriorityQueue<AuditEntry> newest = new PriorityQueue<>(Comparator.comparing(AuditEntry::time));
        Scan scan = read(query, limit, entry -> {
            newest.add(entry);
            if (newest.size() > limit) {
                newest.poll();
            }
        });
        List<AuditEntry> entries = new ArrayList<>(newest);
        entries.sort(Comparator.comparing(AuditEntry::time));
        return new Page(List.copyOf(entries), scan.scanned(), scan.indexed(), scan.partial());
    }

    /** A page of entries, with what the read cost. */
    public record Page(List<AuditEntry> entries, long scanned, long indexed, boolean partial) {
    }

    /** Every matching entry, in the order each partition holds them, to {@code sink} (the NDJSON export). */
    public Scan each(Query query, Consumer<AuditEntry> sink) {
        return read(query, 0, sink);
    }

    /**
     * By id, what the index holds, then the rest of each partition from where its index stopped; otherwise (or for
     * partitions the index cannot answer for now) the topic from {@code since}.
     */
    private Scan read(Query query, int newest, Consumer<AuditEntry> sink) {
        Map<Integer, AuditIndex.PartitionHits> indexed = query.id() != null && AuditIndexKeys.indexable(query.id())
                ? index.hits(new AuditIndex.HitsQuery(query, newest)) : Map.of();
        long fromIndex = 0;
        boolean truncated = false;
        for (AuditIndex.PartitionHits hits : indexed.values()) {
            for (String raw : hits.entries()) {
                sink.accept(AuditEntry.fromJson(raw));
                fromIndex++;
            }
            truncated |= hits.truncated();
        }
        Scan tail = indexed.isEmpty() || !indexReachesTheEnd(indexed) ? scan(query, indexed, sink) : new Scan(0, 0, false);
        return new Scan(tail.scanned(), fromIndex, truncated || tail.partial());
    }

    /**
     * Whether the index has every partition up to its end offset now: then nothing is left to scan and no consumer is
     * opened (a few milliseconds each). One admin client, kept, asks.
     */
    private boolean indexReachesTheEnd(Map<Integer, AuditIndex.PartitionHits> indexed) {
        try {
            Admin client = admin.get();
            int partitions = auditPartitions(client);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                if (!indexed.containsKey(p)) {
                    return false;
                }
                latest.put(new TopicPartition(Topics.AUDIT.name(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> indexed.get(end.getKey().partition()).indexedTo() >= end.getValue().offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException unknown) {
            return false; // the scan finds out for itself
        }
    }

    /** The audit topic's partition count, asked again after a minute (partitions are added, rarely). */
    private int auditPartitions(Admin client) throws InterruptedException, ExecutionException, TimeoutException {
        long now = System.nanoTime();
        if (partitionCount == 0 || now - partitionCountAt > TimeUnit.MINUTES.toNanos(1)) {
            partitionCount = client.describeTopics(List.of(Topics.AUDIT.name())).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(Topics.AUDIT.name()).partitions().size();
            partitionCountAt = now;
        }
        return partitionCount;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        admin.close();
    }

    private Scan scan(Query query, Map<Integer, AuditIndex.PartitionHits> indexed, Consumer<AuditEntry> sink) {
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        long scanned = 0;
        Predicate<AuditEntry> matches = query.matches();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "headwater-audit-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                // It reads what is there up to known end offsets: a fetch never waits for records to arrive.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10")),
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
                AuditIndex.PartitionHits hits = indexed.get(partition.partition());
                long from = Math.max(offset == null ? end.get(partition) : offset.offset(), hits == null ? 0 : hits.indexedTo());
                if (from < end.get(partition)) {
                    consumer.seek(partition, from);
                    open.add(partition);
                }
            }
            consumer.assign(open);
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline || scanned >= RECORD_BUDGET) {
                    return new Scan(scanned, 0, true);
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
            return new Scan(scanned, 0, false);
        }
    }
}
