package io.headwater.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.Decision;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LinkedDecision;
import io.headwater.contract.Topics;
import io.headwater.kafka.serde.TopicSerdes;
import io.headwater.openlineage.LineageEventNormalizer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The lineage-streams topology in a TopologyTestDriver: feed normalised events, read the graph
 * as the compacted topics would hold it (last value per key; a tombstone removes the key).
 */
final class GraphDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One for all drivers: ids only need to be consistent within a JVM. */
    private static final TopicSerdes SERDES = new TopicSerdes(new InMemoryRegistryClient());

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, LineageEvent> input;
    private final TestOutputTopic<String, GraphNode> nodesOut;
    private final TestOutputTopic<String, GraphEdge> edgesOut;
    private final TestInputTopic<String, Decision> decisionsIn;
    private final TestOutputTopic<String, LinkedDecision> decisionsOut;
    final Map<String, LinkedDecision> decisions = new TreeMap<>();
    final Map<String, GraphNode> nodes = new TreeMap<>();
    final Map<String, GraphEdge> edges = new TreeMap<>();

    GraphDriver(Path stateDir) {
        this(stateDir, Stores::persistentKeyValueStore);
    }

    /** With a short version grace, so that a late write past it is seen to leave reads alone. */
    GraphDriver(Path stateDir, Duration versionGrace) {
        this(stateDir, Stores::persistentKeyValueStore, versionGrace);
    }

    GraphDriver(Path stateDir, java.util.function.Function<String, org.apache.kafka.streams.state.KeyValueBytesStoreSupplier> stores) {
        this(stateDir, stores, Duration.ofDays(3650));
    }

    private GraphDriver(Path stateDir, java.util.function.Function<String, org.apache.kafka.streams.state.KeyValueBytesStoreSupplier> stores,
                        Duration versionGrace) {
        TopicSerdes serdes = SERDES;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "graph-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(new TopologyProducer(serdes, versionGrace, io.headwater.streams.drift.DriftThresholds.defaults(), stores).buildTopology(), props);
        input = driver.createInputTopic(Topics.LINEAGE.name(), Serdes.String().serializer(), serdes.values(Topics.LINEAGE).serializer());
        nodesOut = driver.createOutputTopic(Topics.GRAPH_NODES.name(), Serdes.String().deserializer(), serdes.values(Topics.GRAPH_NODES).deserializer());
        edgesOut = driver.createOutputTopic(Topics.GRAPH_EDGES.name(), Serdes.String().deserializer(), serdes.values(Topics.GRAPH_EDGES).deserializer());
        decisionsIn = driver.createInputTopic(Topics.DECISIONS.name(), Serdes.String().serializer(), serdes.values(Topics.DECISIONS).serializer());
        decisionsOut = driver.createOutputTopic(Topics.DECISIONS_LINKED.name(), Serdes.String().deserializer(), serdes.values(Topics.DECISIONS_LINKED).deserializer());
    }

    /** Normalises a fixture as ingest does. */
    static LineageEvent event(Path file) {
        try {
            String raw = Files.readString(file);
            return new LineageEventNormalizer().normalize(JSON.readTree(raw), raw, Instant.parse("2026-11-26T12:00:00Z"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(List<LineageEvent> events) {
        for (LineageEvent event : events) {
            input.pipeInput(LineageEventNormalizer.partitionKey(event), event);
        }
        drain();
    }

    /** Each event under the key given for it, as a producer other than today's ingest may have written it. */
    void sendKeyed(List<LineageEvent> events, java.util.function.Function<LineageEvent, String> key) {
        for (LineageEvent event : events) {
            input.pipeInput(key.apply(event), event);
        }
        drain();
    }

    void sendDecision(Decision decision) {
        decisionsIn.pipeInput(decision.getDecisionId(), decision);
        drain();
    }

    private void drain() {
        // Past the combine interval: what the topology holds to combine is sent on.
        driver.advanceWallClockTime(TopologyProducer.DEFAULT_COMBINE_INTERVAL);
        decisionsOut.readKeyValuesToList().forEach(kv -> decisions.put(kv.key, kv.value));
        nodesOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                nodes.remove(kv.key);
            } else {
                nodes.put(kv.key, kv.value);
            }
        });
        edgesOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                edges.remove(kv.key);
            } else {
                edges.put(kv.key, kv.value);
            }
        });
    }

    @Override
    public void close() {
        driver.close();
    }
}
