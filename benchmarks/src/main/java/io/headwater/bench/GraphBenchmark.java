package io.headwater.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.NodeKind;
import io.headwater.contract.Topics;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroDeserializer;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.openlineage.LineageEventNormalizer;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.LocalPlatform;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * lineage-streams on the real broker: (1) events/s through the topology, from a burst of Spark
 * START+COMPLETE pairs written straight to the lineage topic until every run is COMPLETE in the
 * graph topic and the topology has written everything it does for them (dataset versions and
 * merged facts included); (2) at a fixed rate, the lag from Kafka's acknowledgement of a COMPLETE event to
 * the run's COMPLETE node appearing on the graph topic. Prints numbers; asserts nothing.
 *
 * <p>Settings: bench.runs (5000 runs = 10000 events), bench.rate (events/s, 1000), bench.seconds (20), bench.jvm (extra
 * options for the service JVMs, e.g. -Dkafka-streams.commit.interval.ms=1000).
 */
public final class GraphBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the topology must write nothing to have finished (it commits every 100 ms while it works). */
    private static final Duration QUIET = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        // The services' default expiry sweep (hourly), not the tests' 2 s: a sweep is not what is measured.
        System.setProperty("headwater.retention.expiry-interval", "PT1H");
        int runs = Integer.getInteger("bench.runs", 5000);
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        String start = new String(Fixtures.read("spark-captured", "0002-job1-sql-START.json"), StandardCharsets.UTF_8);
        String complete = new String(Fixtures.read("spark-captured", "0008-job1-sql-COMPLETE.json"), StandardCharsets.UTF_8);
        System.out.println("Headwater lineage-streams benchmark");
        System.out.println("machine: " + Machine.describe());
        List<String> jvm = ServiceJvms.options("-Xmx1g");
        System.out.println("service JVMs: " + jvm);
        try (LocalPlatform platform = new LocalPlatform(true, jvm)) {
            SchemaRegistryClient registry = new SchemaRegistryClient(platform.registry.url());
            Map<String, Long> completedAt = new ConcurrentHashMap<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> watch(platform.kafka.bootstrapServers(), registry, completedAt, watching), "graph-watcher");
            watcher.start();
            try (KafkaProducer<String, LineageEvent> producer = producer(platform.kafka.bootstrapServers(), registry)) {
                // 0. Warm-up: the same burst, not measured, so the JIT has compiled the topology.
                String warm = null;
                for (int i = 0; i < runs; i++) {
                    warm = newRun();
                    send(producer, start, warm, null);
                    send(producer, complete, warm, null);
                }
                producer.flush();
                while (!completedAt.containsKey(warm)) {
                    Thread.sleep(20);
                }
                RecordCounts.awaitTopologyDone(platform.kafka.bootstrapServers(), QUIET);
                // 1. Throughput: a burst, timed until the last run is COMPLETE in the graph and the topology has finished.
                Map<String, Long> offsetsBefore = RecordCounts.endOffsets(platform.kafka.bootstrapServers());
                ProcessCpu cpu = new ProcessCpu(platform, "benchmark JVM (embedded broker, producer, watcher)");
                long began = System.nanoTime();
                String last = null;
                for (int i = 0; i < runs; i++) {
                    last = newRun();
                    send(producer, start, last, null);
                    send(producer, complete, last, null);
                }
                producer.flush();
                while (!completedAt.containsKey(last)) {
                    Thread.sleep(20);
                }
                double lastRun = (System.nanoTime() - began) / 1e9;
                double elapsed = (Math.max(completedAt.get(last), RecordCounts.awaitTopologyDone(platform.kafka.bootstrapServers(), QUIET)) - began) / 1e9;
                System.out.printf("throughput   %,10.0f events/s  (%,d events, %,d runs, %.1f s until the topology had written all it does for them;"
                                + " the last run was COMPLETE on %s after %.1f s)%n",
                        runs * 2 / elapsed, runs * 2, runs, elapsed, Topics.GRAPH_NODES.name(), lastRun);
                Figures.rate("graph: lineage-streams throughput (Spark START+COMPLETE)", runs * 2 / elapsed, Figures.Goal.AT_LEAST, 5000);
                cpu.print("during the burst", runs * 2, "lineage-streams", "graph: lineage-streams CPU per event");
                RecordCounts.print(offsetsBefore, RecordCounts.endOffsets(platform.kafka.bootstrapServers()), runs * 2);

                // 2. Lag at a fixed rate.
                Map<String, Long> ackedAt = new ConcurrentHashMap<>();
                long interval = 1_000_000_000L * 2 / rate;
                long next = System.nanoTime();
                long end = next + Duration.ofSeconds(seconds).toNanos();
                while (System.nanoTime() < end) {
                    String runId = newRun();
                    send(producer, start, runId, null);
                    send(producer, complete, runId, ackedAt);
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
                producer.flush();
                long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!completedAt.keySet().containsAll(ackedAt.keySet()) && System.nanoTime() < waitUntil) {
                    Thread.sleep(50);
                }
                Histogram lag = new Histogram(600_000_000L, 3);
                int missing = 0;
                for (Map.Entry<String, Long> acked : ackedAt.entrySet()) {
                    Long seen = completedAt.get(acked.getKey());
                    if (seen == null) {
                        missing++;
                    } else {
                        lag.recordValue(Math.max(1, (seen - acked.getValue()) / 1_000));
                    }
                }
                System.out.printf("lag at %,d events/s  ack -> graph node: p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%,d runs, %d not seen within 60 s)%n",
                        rate, lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0,
                        ackedAt.size(), missing);
                Figures.add("graph: ack -> graph node p99 at " + rate + " events/s" + (missing > 0 ? " (" + missing + " runs not seen in 60 s)" : ""),
                        lag.getValueAtPercentile(99) / 1000.0, "ms", Figures.Goal.AT_MOST, 1000);
            } finally {
                watching.set(false);
                watcher.join(10_000);
            }
        }
    }


    private static KafkaProducer<String, LineageEvent> producer(String bootstrap, SchemaRegistryClient registry) {
        AvroSerializer<LineageEvent> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), serializer);
    }

    /** The Spark application (parent and root run) of the captured events, and how many of the runs sent share one. */
    private static final String APPLICATION_RUN = "01a215d8-70a7-765b-8dea-eb0dc7184b78";
    private static final int RUNS_PER_APPLICATION = Integer.getInteger("bench.runsPerApplication", 10);
    /** The application of the run begun last; the loops send both events of a run before they begin the next. */
    private static String application;
    private static long runsBegun;

    /**
     * A fresh run id; every {@code bench.runsPerApplication} runs also begin a fresh Spark application, as many
     * applications' jobs would (all runs under one application would put the whole load on one partition).
     */
    private static String newRun() {
        if (runsBegun++ % RUNS_PER_APPLICATION == 0) {
            application = UUID.randomUUID().toString();
        }
        return UUID.randomUUID().toString();
    }

    /** Normalises the template with the run's id and application (as ingest would) and writes it keyed by its root run. */
    private static void send(KafkaProducer<String, LineageEvent> producer, String template, String runId, Map<String, Long> ackedAt) throws Exception {
        String raw = template.replace("01a215d8-b242-752e-8681-58dc1af79577", runId).replace(APPLICATION_RUN, application);
        LineageEvent event = new LineageEventNormalizer().normalize(JSON.readTree(raw), raw, Instant.now());
        producer.send(new ProducerRecord<>(Topics.LINEAGE.name(), LineageEventNormalizer.partitionKey(event), event), (metadata, error) -> {
            if (error == null && ackedAt != null) {
                ackedAt.put(runId, System.nanoTime());
            }
        });
    }

    private static void watch(String bootstrap, SchemaRegistryClient registry, Map<String, Long> completedAt, AtomicBoolean watching) {
        try (KafkaConsumer<String, GraphNode> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new AvroDeserializer<>(registry, GraphNode.class))) {
            consumer.subscribe(List.of(Topics.GRAPH_NODES.name()));
            while (watching.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    GraphNode node = record.value();
                    if (node != null && node.getKind() == NodeKind.RUN && "COMPLETE".equals(node.getAttributes().get(NodeAttributes.Run.STATE))) {
                        completedAt.putIfAbsent(node.getName(), System.nanoTime());
                    }
                });
            }
        }
    }
}
