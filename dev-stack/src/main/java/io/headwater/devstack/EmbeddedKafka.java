package io.headwater.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A real, one-node Kafka broker in KRaft combined mode (broker and controller in one process),
 * started from the Maven Central jars exactly as {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} would. Data lives under one directory; starting again on the same
 * directory keeps every topic and record. Everything binds to 127.0.0.1.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final SaslSslListener saslSsl;
    private final ClusterMember member;
    private KafkaRaftServer server;

    /**
     * One node of a multi-node KRaft cluster in this JVM (each combined broker and controller): its id,
     * the whole quorum ({@code 1@127.0.0.1:p1,2@...}), the shared cluster id and the replication the
     * internal topics get (replication factor 3 and min.insync.replicas 2 on three nodes, as production).
     */
    public record ClusterMember(int nodeId, String quorumVoters, String clusterId, int replicationFactor, int minInsyncReplicas) {
    }

    /**
     * A second client listener, SASL_SSL with SCRAM-SHA-512, as a secured production cluster has; the
     * PLAINTEXT one stays for the broker's own and the tests' administration.
     *
     * @param keystore a PKCS12 key store with the broker's key and certificate chain
     */
    public record SaslSslListener(int port, Path keystore, String password) {
    }

    private EmbeddedKafka(Path dataDir, int port, int controllerPort, SaslSslListener saslSsl, ClusterMember member) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslSsl = saslSsl;
        this.member = member;
    }

    /** A node of a cluster: see {@link ClusterMember}; start each, the quorum forms once a majority is up. */
    public static EmbeddedKafka clusterNode(Path dataDir, int port, int controllerPort, ClusterMember member) {
        return new EmbeddedKafka(dataDir, port, controllerPort, null, member);
    }

    /** This broker with a SASL_SSL listener too (port 0 picks a free one). */
    public EmbeddedKafka withSaslSsl(int saslPort, Path keystore, String password) {
        return new EmbeddedKafka(dataDir, port, controllerPort, new SaslSslListener(saslPort == 0 ? freePort() : saslPort, keystore, password), member);
    }

    /** The SASL_SSL listener's address. */
    public String saslSslBootstrapServers() {
        return "127.0.0.1:" + saslSsl.port();
    }

    /** Creates or replaces a SCRAM-SHA-512 user (the credential lives in the cluster's metadata). */
    public void upsertScramUser(String user, String password) {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(java.util.List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(user,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 8192),
                    password))).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the SCRAM user " + user + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param dataDir        where the broker keeps its logs and metadata (created if missing)
     * @param port           the client listener; 0 picks a free one
     * @param controllerPort the KRaft controller listener; 0 picks a free one
     */
    public static EmbeddedKafka on(Path dataDir, int port, int controllerPort) {
        return new EmbeddedKafka(dataDir, port == 0 ? freePort() : port, controllerPort == 0 ? freePort() : controllerPort, null, null);
    }

    /** Formats the storage on first start, then starts the broker and waits until it answers. */
    public EmbeddedKafka start() {
        requireFree(port, "Kafka");
        requireFree(controllerPort, "the Kafka controller");
        if (saslSsl != null) {
            requireFree(saslSsl.port(), "Kafka's SASL_SSL listener");
        }
        try {
            Files.createDirectories(dataDir);
            Path configFile = writeConfig();
            format(configFile);
            Properties props = loadProperties(configFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReady(Duration.ofSeconds(60));
            LOG.info("Kafka broker up at {} (data in {})", bootstrapServers(), dataDir.toAbsolutePath());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Kafka in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates Headwater's topics that do not exist yet. */
    public void createTopics(TopicLayout layout) {
        try (Admin admin = admin()) {
            layout.createMissing(admin);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker at {} stopped", bootstrapServers());
        }
    }

    private Path writeConfig() throws IOException {
        Path logDir = dataDir.resolve("logs");
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", member == null ? "1" : String.valueOf(member.nodeId()));
        props.setProperty("controller.quorum.voters", member == null ? "1@127.0.0.1:" + controllerPort : member.quorumVoters());
        String secured = saslSsl == null ? "" : ",SASL_SSL://127.0.0.1:" + saslSsl.port();
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + secured);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + secured);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" + (saslSsl == null ? "" : ",SASL_SSL:SASL_SSL"));
        if (saslSsl != null) {
            props.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            props.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            props.setProperty("listener.name.sasl_ssl.ssl.keystore.location", saslSsl.keystore().toAbsolutePath().toString());
            props.setProperty("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
            props.setProperty("listener.name.sasl_ssl.ssl.keystore.password", saslSsl.password());
            props.setProperty("listener.name.sasl_ssl.ssl.key.password", saslSsl.password());
        }
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must live with a replication factor of 1, or the
        // consumer-group, transaction and share coordinators never come up and clients hang.
        props.setProperty("offsets.topic.replication.factor", String.valueOf(member == null ? 1 : member.replicationFactor()));
        props.setProperty("offsets.topic.num.partitions", "6");
        props.setProperty("transaction.state.log.replication.factor", String.valueOf(member == null ? 1 : member.replicationFactor()));
        props.setProperty("transaction.state.log.min.isr", String.valueOf(member == null ? 1 : member.minInsyncReplicas()));
        props.setProperty("transaction.state.log.num.partitions", "6");
        props.setProperty("share.coordinator.state.topic.replication.factor", String.valueOf(member == null ? 1 : member.replicationFactor()));
        props.setProperty("share.coordinator.state.topic.min.isr", String.valueOf(member == null ? 1 : member.minInsyncReplicas()));
        props.setProperty("min.insync.replicas", String.valueOf(member == null ? 1 : member.minInsyncReplicas()));
        props.setProperty("default.replication.factor", String.valueOf(member == null ? 1 : member.replicationFactor()));
        props.setProperty("num.partitions", "6");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("log.retention.hours", "-1");
        // Topics Kafka Streams creates (changelogs, re-partitions) take the same records as Headwater's own.
        props.setProperty("message.max.bytes", String.valueOf(io.headwater.contract.RecordSizes.MAX_RECORD_BYTES));
        props.setProperty("replica.fetch.max.bytes", String.valueOf(io.headwater.contract.RecordSizes.MAX_RECORD_BYTES));
        props.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        // Compacted graph topics should clean soon, not after the default 50% dirty ratio on big segments.
        props.setProperty("log.cleaner.min.cleanable.ratio", "0.1");
        if (member != null) {
            // A cluster node stops as a lost machine does: no controlled shutdown, which would wait up to five minutes
            // for a quorum that the other nodes' stopping takes away. The controller fences it within two seconds.
            props.setProperty("controlled.shutdown.enable", "false");
            props.setProperty("broker.session.timeout.ms", "2000");
            props.setProperty("broker.heartbeat.interval.ms", "500");
        }
        Path file = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "Generated by Headwater's embedded Kafka on each start; edit the launcher, not this file");
        }
        return file;
    }

    /** Formats the log directory once; later starts reuse it, keeping every record. */
    private void format(Path configFile) throws IOException {
        Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
        String clusterId;
        if (member != null) {
            clusterId = member.clusterId();
        } else if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, java.util.concurrent.TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e.getMessage(), e);
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka did not answer within " + timeout, last);
    }

    private static Properties loadProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException(port, what);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A port the broker needs is taken by another process. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port, String what) {
            super("port " + port + " on 127.0.0.1, needed by " + what + ", is already in use; stop what holds it or choose another port");
        }
    }
}
