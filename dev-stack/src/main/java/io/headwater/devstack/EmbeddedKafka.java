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
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * @param dataDir        where the broker keeps its logs and metadata (created if missing)
     * @param port           the client listener; 0 picks a free one
     * @param controllerPort the KRaft controller listener; 0 picks a free one
     */
    public static EmbeddedKafka on(Path dataDir, int port, int controllerPort) {
        return new EmbeddedKafka(dataDir, port == 0 ? freePort() : port, controllerPort == 0 ? freePort() : controllerPort);
    }

    /** Formats the storage on first start, then starts the broker and waits until it answers. */
    public EmbeddedKafka start() {
        requireFree(port, "Kafka");
        requireFree(controllerPort, "the Kafka controller");
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
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must live with a replication factor of 1, or the
        // consumer-group, transaction and share coordinators never come up and clients hang.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "6");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "6");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("default.replication.factor", "1");
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
        if (Files.exists(idFile)) {
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
