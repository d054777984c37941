package io.headwater.bench;

import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.LocalPlatform;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest throughput and latency on a local platform (embedded broker, registry, ingest as a
 * process): real fixture events with fresh run ids, N concurrent keep-alive clients, single events
 * and batches; and in the same run a raw Kafka producer with the same payloads, as the ceiling.
 * Prints numbers; asserts nothing.
 *
 * <p>Settings (system properties): bench.clients (8), bench.seconds (20), bench.warmup (20), bench.batch (500), bench.ingestOnly
 * (false: every service runs, as in production), bench.singleOnly / bench.batchOnly (one of the two loads only), bench.jvm (extra
 * options for the service JVMs).
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        // The services' default expiry sweep (hourly), not the tests' 2 s: a sweep is not what is measured.
        System.setProperty("headwater.retention.expiry-interval", "PT1H");
        int clients = Integer.getInteger("bench.clients", 8);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 20);
        int batchSize = Integer.getInteger("bench.batch", 500);
        List<Template> templates = new ArrayList<>();
        for (String file : List.of("0002-job1-sql-START.json", "0003-job1-sql-RUNNING.json", "0008-job1-sql-COMPLETE.json", "0009-job1-app-COMPLETE.json")) {
            templates.add(Template.of(new String(Fixtures.read("spark-captured", file), StandardCharsets.UTF_8)));
        }
        long averageBytes = templates.stream().mapToLong(t -> t.before().length() + 36 + t.after().length()).sum() / templates.size();

        System.out.println("Headwater ingest benchmark");
        System.out.println("machine: " + Machine.describe());
        System.out.printf("payload: real Spark OpenLineage events (spark-captured), fresh run id each, %d bytes on average%n", averageBytes);
        System.out.printf("clients: %d keep-alive HTTP/1.1 connections (a minimal blocking client, to leave the CPU to the server); %d s measured after %d s warm-up%n", clients, seconds, warmup);

        List<String> jvm = ServiceJvms.options("-Xmx1g");
        // The whole platform runs, as in production: lineage-streams folds what ingest accepts, on the same cores.
        boolean whole = !Boolean.getBoolean("bench.ingestOnly");
        System.out.println(whole ? "platform: every service running" : "platform: broker, registry and ingest only (bench.ingestOnly)");
        try (LocalPlatform platform = new LocalPlatform(whole, jvm)) {
            URI base = URI.create(platform.ingest.url());
            if (!Boolean.getBoolean("bench.batchOnly")) {
                Result single = run(platform, base, "/api/v1/lineage", clients, warmup, seconds, () -> fresh(templates), 1, "ingest: single events, ingest-service CPU per event");
                report("single events", single);
                Figures.rate("ingest: single events, " + clients + " clients, " + warmup + "-" + (warmup + seconds) + " s after start",
                        single.events() / single.seconds(), Figures.Goal.AT_LEAST, 5000);
            }
            if (!Boolean.getBoolean("bench.singleOnly")) {
                Result batches = run(platform, base, "/api/v1/lineage/batch", clients, warmup, seconds, () -> batchOf(templates, batchSize), batchSize,
                        "ingest: batches, ingest-service CPU per event");
                report("batches of " + batchSize, batches);
                Figures.rate("ingest: batches of " + batchSize, batches.events() / batches.seconds(), Figures.Goal.AT_LEAST, 30000);
            }
            rawKafka(platform.kafka.bootstrapServers(), templates, seconds);
        }
    }

    /** A real event split around its run id, so a fresh copy is a concatenation, not a search. */
    private record Template(String before, String after) {
        static Template of(String event) {
            int key = event.indexOf("\"runId\":\"");
            int at = key + "\"runId\":\"".length();
            return new Template(event.substring(0, at), event.substring(at + 36));
        }
    }

    private static String fresh(List<Template> templates) {
        Template template = templates.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(templates.size()));
        return template.before() + UUID.randomUUID() + template.after();
    }

    private static String batchOf(List<Template> templates, int size) {
        StringBuilder body = new StringBuilder(size * 7000).append('[');
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(fresh(templates));
        }
        return body.append(']').toString();
    }

    private record Result(long events, long requests, long errors, double seconds, Histogram latencyMicros) {
    }

    private static Result run(LocalPlatform platform, URI base, String path, int clients, int warmup, int seconds,
                              java.util.function.Supplier<String> bodies, int eventsPerRequest, String cpuFigure)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong events = new AtomicLong();
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Histogram latency = new Histogram(60_000_000L, 3);
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                try (KeepAliveClient http = new KeepAliveClient(base)) {
                while (System.nanoTime() < end) {
                    byte[] body = bodies.get().getBytes(StandardCharsets.UTF_8);
                    long began = System.nanoTime();
                    int status;
                    try {
                        status = http.post(path, "application/json", body);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    if (began >= measureFrom && done <= end) {
                        if (status == 201) {
                            events.addAndGet(eventsPerRequest);
                            count.incrementAndGet();
                            synchronized (latency) {
                                latency.recordValue(Math.max(1, (done - began) / 1_000));
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                }
                return null;
            }));
        }
        ProcessCpu cpu;
        try {
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            // What each process spends while ingest is measured: ingest's share, and what folding the load takes beside it.
            cpu = new ProcessCpu(platform, "benchmark JVM (embedded broker, clients)");
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        cpu.print("while measured", Math.max(1, events.get()), "ingest-service", cpuFigure);
        return new Result(events.get(), count.get(), errors.get(), seconds, latency);
    }

    private static void report(String what, Result result) {
        System.out.printf("%-18s %,10.0f events/s  %,8.0f requests/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d%n", what,
                result.events() / result.seconds(), result.requests() / result.seconds(),
                result.latencyMicros().getValueAtPercentile(50) / 1000.0, result.latencyMicros().getValueAtPercentile(99) / 1000.0,
                result.latencyMicros().getMaxValue() / 1000.0, result.errors());
    }

    /** The ceiling: the same payloads straight into Kafka from this JVM, acks=all, idempotent. */
    private static void rawKafka(String bootstrap, List<Template> templates, int seconds) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            payloads.add(fresh(templates).getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long sent = 0;
            long began = System.nanoTime();
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), UUID.randomUUID().toString(), payloads.get((int) (sent % payloads.size()))));
                sent++;
            }
            producer.flush();
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf("%-18s %,10.0f events/s  (raw Kafka producer, same payloads, acks=all, idempotent, in-process)%n", "kafka ceiling", sent / elapsed);
            Figures.kafkaCeiling(sent / elapsed);
        }
    }
}
