package io.headwater.testkit;

import io.headwater.devstack.BrokerProcess;
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
    /** The broker in this JVM; null when it runs as a process ({@link #broker}). */
    public EmbeddedKafka kafka;
    /** The broker as a process of its own; null when it runs in this JVM. */
    public BrokerProcess broker;
    public ServiceProcess registry;
    public ServiceProcess ingest;
    public ServiceProcess streams;
    public ServiceProcess query;
    private final List<String> jvmOptions;
    /** Settings every service gets (the Kafka connection and registry access of a secured platform). */
    private final Map<String, String> clientConfig = new HashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<ServiceProcess> started = new ArrayList<>();
    private final Map<ServiceProcess, Spec> specs = new java.util.IdentityHashMap<>();

    /**
     * @param graph      whether to start lineage-streams and query-service too, or only the ingest path
     * @param jvmOptions options for every service JVM, e.g. -Xmx
     */
    public LocalPlatform(boolean graph, List<String> jvmOptions) {
        this(graph, jvmOptions, false);
    }

    /**
     * @param brokerProcess run the broker in a process of its own ({@link #broker}), which {@link #killBroker()}
     *                      can kill -9; else in this JVM ({@link #kafka})
     */
    public LocalPlatform(boolean graph, List<String> jvmOptions, boolean brokerProcess) {
        this(graph, jvmOptions, brokerProcess, false, false);
    }

    /**
     * A platform as a secured production deployment has it: the services reach Kafka only over SASL_SSL
     * (SCRAM-SHA-512, a CA made for the test) and the registry only with basic auth, every secret given to
     * them as a file, as a mounted Kubernetes Secret is. {@link #secrets()} lists what must never show.
     */
    public static LocalPlatform secured(boolean graph, List<String> jvmOptions) {
        return new LocalPlatform(graph, jvmOptions, false, true, true);
    }

    /** A plaintext broker, with the services requiring API keys as deployed ({@link #authorization} gives each role's). */
    public static LocalPlatform withKeys(boolean graph, List<String> jvmOptions) {
        return new LocalPlatform(graph, jvmOptions, false, false, true);
    }

    /**
     * The packaged services against a Kafka cluster and a Confluent-compatible registry that run elsewhere
     * (containers, a shared test cluster); Headwater's topics are created on it if missing.
     */
    public static LocalPlatform against(String bootstrapServers, String registryUrl, List<String> jvmOptions) {
        return new LocalPlatform(jvmOptions, bootstrapServers, registryUrl);
    }

    private String externalBootstrap;
    private String externalRegistry;

    /** The services (one of each; add more with startIngest, startStreams, startQuery) on a multi-node cluster, Headwater's registry included. */
    public static LocalPlatform onCluster(KafkaCluster cluster, int partitions, List<String> jvmOptions) {
        cluster.createTopics(partitions);
        return new LocalPlatform(jvmOptions, cluster.bootstrapServers(), null);
    }

    private LocalPlatform(List<String> jvmOptions, String bootstrapServers, String registryUrl) {
        this.jvmOptions = jvmOptions;
        this.externalBootstrap = bootstrapServers;
        this.externalRegistry = registryUrl;
        try {
            dataDir = Files.createTempDirectory("headwater-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (registryUrl == null) {
            registry = start(ServiceJars.SCHEMA_REGISTRY, Map.of());
        } else {
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
                TopicLayout.defaults().createMissing(admin);
            }
        }
        ingest = start(ServiceJars.INGEST, Map.of("headwater.schema-registry.url", registryUrl()));
        startStreams();
        query = startQuery();
    }

    private LocalPlatform(boolean graph, List<String> jvmOptions, boolean brokerProcess, boolean secured, boolean requireKeys) {
        this.jvmOptions = jvmOptions;
        try {
            dataDir = Files.createTempDirectory("headwater-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int partitions = Integer.getInteger("headwater.kafka.partitions", TopicLayout.defaults().partitions());
        if (brokerProcess) {
            broker = new BrokerProcess(dataDir.resolve("kafka"), EmbeddedKafka.freePort(), EmbeddedKafka.freePort(), partitions).start();
        } else if (secured) {
            kafka = secure();
            kafka.createTopics(new TopicLayout(partitions, (short) 1));
        } else {
            kafka = EmbeddedKafka.on(dataDir.resolve("kafka"), 0, 0).start();
            kafka.createTopics(new TopicLayout(partitions, (short) 1));
        }
        if (requireKeys) {
            requireKeys(kafka.bootstrapServers());
        }
        registry = start(ServiceJars.SCHEMA_REGISTRY, Map.of());
        ingest = start(ServiceJars.INGEST, Map.of("headwater.schema-registry.url", registryUrl()));
        if (graph) {
            startStreams();
            query = startQuery();
        }
    }

    private final String webhookKey = java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().substring(0, 32)
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private TestJwts jwts;
    private final int queryPort = EmbeddedKafka.freePort();
    private boolean queryPortTaken;

    /** The test identity provider whose JWTs the services take, when they require keys. */
    public TestJwts jwts() {
        return jwts;
    }

    /** Each role's API key token when the services require keys; empty in open mode. */
    private final Map<String, String> keys = new HashMap<>();

    /** The services require API keys (headwater.auth.mode=keys): one per role is made on the keys topic. */
    private void requireKeys(String plaintextBootstrap) {
        keys.putAll(io.headwater.devstack.AccessKeys.ensure(dataDir.resolve("keys"), Map.of("bootstrap.servers", plaintextBootstrap)));
        secrets.addAll(keys.values());
        String serviceKey = io.headwater.devstack.AccessKeys.file(dataDir.resolve("keys"), "service").toString();
        clientConfig.put("headwater.auth.service-key-file", serviceKey);
        // Headwater's own registry takes the shared service key; Confluent clients send it as basic auth's password.
        clientConfig.put("headwater.schema-registry.basic-auth-file", secretFile("registry-credentials", "headwater:" + keys.get("service")));
        // An identity provider's tokens are taken too, verified against its public key.
        jwts = TestJwts.create(dataDir.resolve("idp"));
        clientConfig.put("headwater.auth.jwt.public-key-location", jwts.publicKey().toString());
        clientConfig.put("headwater.auth.jwt.issuer", TestJwts.ISSUER);
        // Each key's last use is reported within a second, not the default 30 s, so that a test sees it.
        clientConfig.put("headwater.auth.last-use-interval", "1s");
    }

    /**
     * The Authorization header for a key holding {@code role} ({@link io.headwater.contract.access.Roles}), or null
     * where the services run in open mode (every platform but {@link #secured}).
     */
    public String authorization(String role) {
        String token = keys.get(role);
        return token == null ? null : "Bearer " + token;
    }

    private EmbeddedKafka secure() {
        String storePassword = secret();
        String scramPassword = secret();
        TestCertificates certificates = TestCertificates.create(dataDir.resolve("tls"), storePassword);
        EmbeddedKafka broker = EmbeddedKafka.on(dataDir.resolve("kafka"), 0, 0).withSaslSsl(0, certificates.keystore(), storePassword).start();
        broker.upsertScramUser("headwater", scramPassword);
        clientConfig.put("kafka.bootstrap.servers", broker.saslSslBootstrapServers());
        clientConfig.put("kafka.security.protocol", "SASL_SSL");
        clientConfig.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        clientConfig.put("kafka.sasl.jaas.config.file", secretFile("kafka-jaas",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"headwater\" password=\"" + scramPassword + "\";"));
        clientConfig.put("kafka.ssl.truststore.location", certificates.truststore().toString());
        clientConfig.put("kafka.ssl.truststore.type", "PKCS12");
        clientConfig.put("kafka.ssl.truststore.password.file", secretFile("truststore-password", storePassword));

        return broker;
    }

    private String secret() {
        String value = java.util.UUID.randomUUID().toString().replace("-", "");
        secrets.add(value);
        return value;
    }

    private String secretFile(String name, String content) {
        try {
            Path file = dataDir.resolve("secrets").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secrets of a secured platform (passwords), which no log line or answer may contain. */
    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    /** What a client of a secured platform's Kafka needs, as kafka.* settings (empty for a plaintext one). */
    public Map<String, String> clientConfig() {
        return Map.copyOf(clientConfig);
    }

    /** Starts one more ingest-service instance (stateless: instances share the load and the transport topics). */
    public ServiceProcess startIngest() {
        return start(ServiceJars.INGEST, Map.of("headwater.schema-registry.url", registryUrl()));
    }

    /** Starts one more query-service instance (its own graph replica, a share of the decision partitions). */
    public ServiceProcess startQuery() {
        return startQuery(READY);
    }

    /** Starts one more query-service instance, waiting up to {@code ready} for it to be ready (a large graph takes long to replicate). */
    public ServiceProcess startQuery(Duration ready) {
        int port = queryPortTaken ? EmbeddedKafka.freePort() : queryPort;
        queryPortTaken = true;
        return start(ServiceJars.QUERY, port, Map.of("headwater.schema-registry.url", registryUrl(),
                "kafka-streams.state.dir", dataDir.resolve("query-state-" + started.size()).toString()), ready);
    }

    /** Starts lineage-streams; {@link #restart} starts it again on the same port and state. */
    public ServiceProcess startStreams() {
        streams = start(ServiceJars.LINEAGE_STREAMS, Map.of("headwater.schema-registry.url", registryUrl(),
                "kafka-streams.state.dir", dataDir.resolve("streams-state" + (streams == null ? "" : "-" + started.size())).toString()));
        return streams;
    }

    public String bootstrapServers() {
        return externalBootstrap != null ? externalBootstrap : broker != null ? broker.bootstrapServers() : kafka.bootstrapServers();
    }

    /** The registry the services use: Headwater's own, or the external one. */
    public String registryUrl() {
        return externalRegistry != null ? externalRegistry : registry.url();
    }

    /** kill -9 of the broker process (only with a broker process), then a start on the same ports and data. */
    public void killBroker() {
        broker.kill();
    }

    public void startBroker() {
        broker.start();
    }

    /**
     * kill -9 of any service (nothing, if it is dead already), then a start on the same port, state directory and
     * configuration; the port is part of the static group membership id, so a restarted Streams service rejoins at once.
     */
    public ServiceProcess restart(ServiceProcess service) {
        Spec spec = specs.get(service);
        service.kill();
        ServiceProcess again = start(spec.module(), spec.port(), spec.config());
        specs.remove(service);
        started.remove(service);
        if (service == registry) {
            registry = again;
        } else if (service == ingest) {
            ingest = again;
        } else if (service == streams) {
            streams = again;
        } else if (service == query) {
            query = again;
        }
        return again;
    }

    private record Spec(String module, int port, Map<String, String> config) {
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
        return start(module, EmbeddedKafka.freePort(), extra);
    }

    private ServiceProcess start(String module, int port, Map<String, String> extra) {
        return start(module, port, extra, READY);
    }

    private ServiceProcess start(String module, int port, Map<String, String> extra, Duration ready) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("kafka.bootstrap.servers", bootstrapServers());
        if (module.equals(ServiceJars.INGEST)) {
            // Ingest asks the first query-service instance (on a port chosen now) whether a decision id is already recorded.
            config.put("headwater.ingest.decision-lookup-url", "http://127.0.0.1:" + queryPort);
        }
        // Decisions past their retention expire within seconds, not the default hour, so that a test sees it; a benchmark,
        // whose sweeps would be measured with the queries, sets the system property back to the service's default.
        config.put("headwater.retention.expiry-interval", System.getProperty("headwater.retention.expiry-interval", "2s"));
        // The tests' webhook receivers listen on loopback, where webhooks may not go unless allowed.
        config.put("headwater.webhooks.allowed-hosts", "127.0.0.1,localhost");
        // Webhook secrets sealed on their topic, in open mode too (where no service key would give the key).
        config.put("headwater.webhooks.encryption-key", webhookKey);
        if (keys.isEmpty()) {
            // Tests of everything but access control: every caller is the local user (the services listen on loopback).
            config.put("headwater.auth.mode", "open");
        }
        config.putAll(clientConfig);
        ServiceProcess service = ServiceProcess.start(module, ServiceJars.of(module), port, config,
                dataDir.resolve(module + "-" + started.size() + ".log"), jvmOptions, ready);
        started.add(service);
        specs.put(service, new Spec(module, port, extra));
        return service;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
