package io.headwater.devstack;

import io.headwater.contract.access.Roles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./headwater up}: the whole platform on one machine. Starts the embedded KRaft broker in
 * this JVM, then the schema registry, ingest-service, lineage-streams and query-service from
 * their packaged jars, waits until each is healthy, prints the URLs, and on SIGTERM or Ctrl-C
 * stops them in reverse order. Data stays under {@code .headwater/data}, so a second start
 * keeps it; delete that folder to start afresh.
 */
public final class Launcher {

    static final String READY_LINE = "Headwater is up.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final Supervisor supervisor = new Supervisor(Launcher::say, service -> writePid(service.name(), service.pid()));
    private EmbeddedKafka kafka;

    private Launcher(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings;
        try {
            settings = StackSettings.load();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        Launcher launcher = new Launcher(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stop();
            stopped.countDown();
        }, "headwater-shutdown"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            fail(e.getMessage());
            return;
        }
        stopped.await();
    }

    private void start() {
        checkPortsFree();
        long began = System.nanoTime();
        say("starting Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort() + " ...");
        kafka = EmbeddedKafka.on(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort()).start();
        kafka.createTopics(new TopicLayout(settings.partitions(), (short) 1));

        String bootstrap = kafka.bootstrapServers();
        Map<String, String> access = new java.util.HashMap<>();
        boolean keys = !StackSettings.setting("headwater.auth.mode", "keys").equalsIgnoreCase("open");
        Path keyDir = settings.dataDir().resolve("keys");
        if (keys) {
            AccessKeys.ensure(keyDir, Map.of("bootstrap.servers", bootstrap));
            String serviceKey = AccessKeys.file(keyDir, Roles.SERVICE).toString();
            access.put("headwater.auth.service-key-file", serviceKey);
            // The registry takes the services' shared key for registering the contract's schemas.
            access.put("headwater.schema-registry.bearer-token-file", serviceKey);
        } else {
            access.put("headwater.auth.mode", "open");
        }
        say("starting the schema registry ...");
        ServiceProcess registry = launch(ServiceJars.SCHEMA_REGISTRY, settings.registryPort(), with(access, "kafka.bootstrap.servers", bootstrap));
        Map<String, String> common = new java.util.HashMap<>(access);
        common.put("kafka.bootstrap.servers", bootstrap);
        common.put("headwater.schema-registry.url", registry.url());

        say("starting ingest-service, lineage-streams and query-service ...");
        // They only need Kafka and the registry, so they start side by side.
        List<CompletableFuture<ServiceProcess>> rest = List.of(
                CompletableFuture.supplyAsync(() -> launch(ServiceJars.INGEST, settings.ingestPort(),
                        with(common, "headwater.ingest.decision-lookup-url", "http://127.0.0.1:" + settings.queryPort()))),
                CompletableFuture.supplyAsync(() -> launch(ServiceJars.LINEAGE_STREAMS, settings.streamsPort(),
                        with(common, "kafka-streams.state.dir", settings.dataDir().resolve("lineage-streams").toString()))),
                CompletableFuture.supplyAsync(() -> launch(ServiceJars.QUERY, settings.queryPort(),
                        with(common, "kafka-streams.state.dir", settings.dataDir().resolve("query-service").toString()))));
        try {
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }

        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        System.out.println();
        System.out.println(READY_LINE + " (" + seconds + " s)");
        System.out.println("  Kafka            " + bootstrap);
        System.out.println("  Schema registry  " + registry.url());
        System.out.println("  Ingest (OpenLineage endpoint, Marquez-compatible)  http://127.0.0.1:" + settings.ingestPort() + "/api/v1/lineage");
        System.out.println("  Query API        http://127.0.0.1:" + settings.queryPort() + "/api/v1/lineage?nodeId=...");
        System.out.println("  OpenAPI          http://127.0.0.1:" + settings.ingestPort() + "/q/swagger-ui  http://127.0.0.1:" + settings.queryPort() + "/q/swagger-ui");
        System.out.println("  lineage-streams  http://127.0.0.1:" + settings.streamsPort() + "/q/health");
        System.out.println("  Data in " + settings.dataDir().toAbsolutePath() + ", logs in " + settings.logDir().toAbsolutePath());
        if (keys) {
            System.out.println("  API keys         one per role in " + keyDir.toAbsolutePath() + " (readable by you only); use them as");
            System.out.println("                   -H \"Authorization: Bearer $(./headwater key producer)\"   (roles: producer reader auditor admin)");
        } else {
            System.out.println("  Open mode        no keys needed: every caller has every role (HEADWATER_AUTH_MODE=open)");
        }
        System.out.println("Point Spark at it with spark.openlineage.transport.url=http://127.0.0.1:" + settings.ingestPort()
                + (keys ? " spark.openlineage.transport.auth.type=api_key spark.openlineage.transport.auth.apiKey=$(./headwater key producer)" : ""));
        System.out.flush();
    }

    /** Starts a service under the supervisor (restarted when it dies or its liveness stays DOWN) and waits until it is ready. */
    private ServiceProcess launch(String module, int port, Map<String, String> config) {
        ServiceProcess service = supervisor.launch(new Supervisor.Spec(module, ServiceJars.of(module), port, config,
                settings.logDir().resolve(module + ".log"), List.of("-Xmx" + settings.heap(), "-XX:+UseSerialGC"), READY_TIMEOUT));
        service.awaitReady(READY_TIMEOUT);
        say(module + " ready at " + service.url());
        return service;
    }

    private void stop() {
        // No restarts from here on; then the services as they are now (restarted ones included).
        List<ServiceProcess> running = supervisor.processes();
        supervisor.close();
        // Readers before writers, so nothing is left half-consumed: query, streams, ingest, registry.
        for (int i = running.size() - 1; i >= 0; i--) {
            ServiceProcess service = running.get(i);
            service.close();
            removePid(service.name());
        }
        if (kafka != null) {
            kafka.close();
        }
        say("stopped");
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (HEADWATER_KAFKA_PORT)", settings.kafkaPort());
        ports.put("the Kafka controller (HEADWATER_KAFKA_CONTROLLER_PORT)", settings.controllerPort());
        ports.put("the schema registry (HEADWATER_REGISTRY_PORT)", settings.registryPort());
        ports.put("ingest-service (HEADWATER_INGEST_PORT)", settings.ingestPort());
        ports.put("lineage-streams (HEADWATER_STREAMS_PORT)", settings.streamsPort());
        ports.put("query-service (HEADWATER_QUERY_PORT)", settings.queryPort());
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                taken.add("port " + port + ", for " + what + ", is already in use");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join("\n  ", taken)
                    + "\n  Stop what holds it (./headwater stop, if it is an earlier Headwater) or choose another port with the variable named.");
        }
    }

    private void writePid(String module, long pid) {
        try {
            Files.createDirectories(settings.home().resolve("run"));
            Files.writeString(settings.home().resolve("run").resolve(module + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            say("could not record the pid of " + module + ": " + e.getMessage());
        }
    }

    private void removePid(String module) {
        try {
            Files.deleteIfExists(settings.home().resolve("run").resolve(module + ".pid"));
        } catch (IOException ignored) {
            // ./headwater stop tolerates a stale pid file
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void say(String message) {
        System.out.println("headwater: " + message);
        System.out.flush();
    }

    private static void fail(String message) {
        System.err.println("headwater: " + message);
        System.err.flush();
        // exit runs the shutdown hook, which stops whatever did start
        System.exit(1);
    }
}
