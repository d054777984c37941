package io.headwater.e2e;

import io.headwater.devstack.EmbeddedKafka;
import io.headwater.devstack.ServiceJars;
import io.headwater.devstack.ServiceProcess;
import io.headwater.devstack.TopicLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for one test class: a real KRaft broker in this JVM and the four packaged
 * services as separate processes on free ports, as they run on a user's machine.
 */
final class Platform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    final Path dataDir;
    EmbeddedKafka kafka;
    final ServiceProcess registry;
    final ServiceProcess ingest;
    ServiceProcess streams;
    ServiceProcess query;
    private final List<ServiceProcess> started = new ArrayList<>();

    /** Everything: broker, registry, ingest, lineage-streams, query. */
    Platform() {
        this(true);
    }

    /** @param graph whether to start lineage-streams and query-service too, or only the ingest path */
    Platform(boolean graph) {
        try {
            dataDir = Files.createTempDirectory("headwater-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.on(dataDir.resolve("kafka"), 0, 0).start();
        kafka.createTopics(TopicLayout.defaults());
        registry = start(ServiceJars.SCHEMA_REGISTRY, Map.of());
        ingest = start(ServiceJars.INGEST, Map.of("headwater.schema-registry.url", registry.url()));
        if (graph) {
            streams = startStreams();
            query = start(ServiceJars.QUERY, Map.of("headwater.schema-registry.url", registry.url(),
                    "kafka-streams.state.dir", dataDir.resolve("query-state").toString()));
        }
    }

    /** Stops the broker, as an outage would; its data stays. */
    void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data. */
    void startKafka() {
        kafka = EmbeddedKafka.on(dataDir.resolve("kafka"), kafka.port(), kafka.controllerPort()).start();
    }

    ServiceProcess startStreams() {
        streams = start(ServiceJars.LINEAGE_STREAMS, Map.of("headwater.schema-registry.url", registry.url(),
                "kafka-streams.state.dir", dataDir.resolve("streams-state").toString()));
        return streams;
    }

    private ServiceProcess start(String module, Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(extra);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        ServiceProcess service = ServiceProcess.start(module, ServiceJars.of(module), EmbeddedKafka.freePort(), config,
                dataDir.resolve(module + "-" + started.size() + ".log"), JVM, READY);
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
