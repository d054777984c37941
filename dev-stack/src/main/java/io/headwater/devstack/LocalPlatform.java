package io.headwater.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A throw-away platform on free ports in a temporary directory, for tests and benchmarks: a real
 * KRaft broker in this JVM and the packaged services as separate processes, as a user runs them.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);
    /** Service JVMs for tests on a small machine: small heap, quick start. */
    public static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public final Path dataDir;
    public EmbeddedKafka kafka;
    public final ServiceProcess registry;
    public final ServiceProcess ingest;
    public ServiceProcess streams;
    public ServiceProcess query;
    private final List<String> jvmOptions;
    private final List<ServiceProcess> started = new ArrayList<>();

    /**
     * @param graph      whether to start lineage-streams and query-service too, or only the ingest path
     * @param jvmOptions options for every service JVM, e.g. -Xmx
     */
    public LocalPlatform(boolean graph, List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
        try {
            dataDir = Files.createTempDirectory("headwater-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.on(dataDir.resolve("kafka"), 0, 0).start();
        kafka.createTopics(new TopicLayout(Integer.getInteger("headwater.kafka.partitions", TopicLayout.defaults().partitions()), (short) 1));
        registry = start(ServiceJars.SCHEMA_REGISTRY, Map.of());
        ingest = start(ServiceJars.INGEST, Map.of("headwater.schema-registry.url", registry.url()));
        if (graph) {
            startStreams();
            query = startQuery();
        }
    }

    /** Starts one more query-service instance (its own graph replica, a share of the decision partitions). */
    public ServiceProcess startQuery() {
        return start(ServiceJars.QUERY, Map.of("headwater.schema-registry.url", registry.url(),
                "kafka-streams.state.dir", dataDir.resolve("query-state-" + started.size()).toString()));
    }

    /** Starts (or starts again) lineage-streams on the same state directory. */
    public ServiceProcess startStreams() {
        streams = start(ServiceJars.LINEAGE_STREAMS, Map.of("headwater.schema-registry.url", registry.url(),
                "kafka-streams.state.dir", dataDir.resolve("streams-state").toString()));
        return streams;
    }

    /** Stops the broker, as an outage would; its data stays. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data. */
    public void startKafka() {
        kafka = EmbeddedKafka.on(dataDir.resolve("kafka"), kafka.port(), kafka.controllerPort()).start();
    }

    private ServiceProcess start(String module, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        ServiceProcess service = ServiceProcess.start(module, ServiceJars.of(module), EmbeddedKafka.freePort(), config,
                dataDir.resolve(module + "-" + started.size() + ".log"), jvmOptions, READY);
        started.add(service);
        return service;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        kafka.close();
    }
}
