package io.headwater.testkit;

import io.headwater.devstack.EmbeddedKafka.ClusterMember;
import io.headwater.devstack.EmbeddedKafka;
import io.headwater.devstack.TopicLayout;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real multi-node KRaft cluster in this JVM, as production runs one: every node a broker and a
 * controller, internal topics and Headwater's with replication factor 3 and min.insync.replicas 2, so
 * one node can stop while every acknowledged write stays on two.
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<EmbeddedKafka> nodes = new ArrayList<>();
    private final List<int[]> ports = new ArrayList<>();
    private final Path dir;
    private final String voters;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int size;

    public KafkaCluster(Path dir, int size) {
        this.dir = dir;
        this.size = size;
        for (int i = 0; i < size; i++) {
            ports.add(new int[]{EmbeddedKafka.freePort(), EmbeddedKafka.freePort()});
        }
        this.voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(i)[1]).collect(Collectors.joining(","));
        for (int i = 0; i < size; i++) {
            nodes.add(null);
        }
        // Nodes wait for a quorum while they start: start them side by side.
        CompletableFuture.allOf(IntStream.range(0, size).mapToObj(i -> CompletableFuture.runAsync(() -> start(i))).toArray(CompletableFuture[]::new)).join();
    }

    private EmbeddedKafka node(int i) {
        return EmbeddedKafka.clusterNode(dir.resolve("node-" + (i + 1)), ports.get(i)[0], ports.get(i)[1],
                new ClusterMember(i + 1, voters, clusterId, Math.min(3, size), Math.min(2, size)));
    }

    /** Starts node i (0-based) again on its ports and data, after {@link #stop}. */
    public void start(int i) {
        EmbeddedKafka node = node(i);
        node.start();
        synchronized (nodes) {
            nodes.set(i, node);
        }
    }

    /** Stops node i cleanly, as a rolling restart or a lost machine would take it away; its data stays. */
    public void stop(int i) {
        EmbeddedKafka node;
        synchronized (nodes) {
            node = nodes.set(i, null);
        }
        if (node != null) {
            node.close();
        }
    }

    public String bootstrapServers() {
        return ports.stream().map(p -> "127.0.0.1:" + p[0]).collect(Collectors.joining(","));
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    /** Headwater's topics with this many partitions, replicated to every node (at most 3). */
    public void createTopics(int partitions) {
        try (Admin admin = admin()) {
            new TopicLayout(partitions, (short) Math.min(3, size)).createMissing(admin);
        }
    }

    /** Stops every node at once: one by one, the last would wait for a quorum that is already gone. */
    @Override
    public void close() {
        CompletableFuture.allOf(IntStream.range(0, nodes.size()).mapToObj(i -> CompletableFuture.runAsync(() -> stop(i))).toArray(CompletableFuture[]::new))
                .join();
    }
}
