package io.headwater.streams.versions;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.EdgeKind;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import io.headwater.contract.graph.EdgeAttributes.Read;
import io.headwater.contract.graph.EdgeId;
import io.headwater.contract.graph.NodeAttributes.DatasetVersion;
import io.headwater.contract.graph.NodeId;
import io.headwater.streams.facts.GraphFact;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves dataset versions as of time, per dataset (the stream is keyed by dataset id). A completed
 * write makes a version (the datasetVersion facet's value, else the writing run's id); a read links the
 * version current at the reader's time. A write that arrives late, within the grace period of the dataset's own latest access, re-links
 * the reads after it: the wrong READ edge is retracted with a tombstone (it was never true) and the
 * right one emitted. A superseded version's VERSION_OF edge gets an end time (it was true until then).
 * Versions and reads are one record each (versions keyed by write time, so the version current at a
 * time is one reverse seek), so a dataset read by a million runs is a million small records; a late
 * write still scans the dataset's reads to find the ones after it.
 *
 * <p>Forwards node and edge facts keyed by their id (dataset version nodes; WROTE, READ and a version's VERSION_OF edges).
 */
public class DatasetVersioner implements Processor<String, DatasetAccess, String, GraphFact> {

    public static final String VERSIONS_STORE = "dataset-versions";
    public static final String READS_STORE = "dataset-reads";
    private static final char SEP = '\u001f';
    /** Per-dataset stream time, kept under a prefix no dataset scan reaches. */
    private static final String STREAM_TIME = "\u001fT";
    private static final StringSerializer KEYS = new StringSerializer();

    /** Markers in the versions store, by version id: written by a run / named by a reader. Never prefixes of a dataset id. */
    private static final String WRITTEN = "w" + SEP;
    private static final String NAMED = "r" + SEP;

    private final Duration grace;
    private ProcessorContext<String, GraphFact> context;
    private KeyValueStore<String, GraphNode> versions;
    private KeyValueStore<String, GraphEdge> reads;

    public DatasetVersioner(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, GraphFact> context) {
        this.context = context;
        this.versions = context.getStateStore(VERSIONS_STORE);
        this.reads = context.getStateStore(READS_STORE);
    }

    @Override
    public void process(Record<String, DatasetAccess> record) {
        DatasetAccess access = record.value();
        Instant streamTime = advanceStreamTime(access.getDatasetId(), access.getTime());
        if (access.getWrite()) {
            write(access, streamTime);
        } else {
            read(access);
        }
    }

    private void write(DatasetAccess access, Instant streamTime) {
        String dataset = access.getDatasetId();
        String version = access.getVersion() != null ? access.getVersion() : access.getRunId();
        NodeId versionNode = NodeId.datasetVersion(access.getNamespace(), access.getName(), version);
        String versionId = versionNode.value();
        String key = versionKey(dataset, access.getTime(), versionId);
        if (versions.get(key) != null) {
            return;
        }
        Map<String, String> attributes = new java.util.TreeMap<>(Measurements.attributes(access));
        attributes.putAll(Map.of(DatasetVersion.DATASET, dataset, DatasetVersion.VERSION, version, DatasetVersion.WRITTEN_BY, NodeId.run(access.getRunId()).value(),
                DatasetVersion.WRITTEN_AT, access.getTime().toString()));
        GraphNode node = GraphNode.newBuilder().setId(versionId).setKind(NodeKind.DATASET_VERSION)
                .setNamespace(access.getNamespace()).setName(versionNode.label())
                .setFirstSeen(access.getTime()).setLastSeen(access.getTime())
                .setAttributes(attributes)
                .setDetailJson(Measurements.detail(access))
                .build();
        versions.put(key, node);
        versions.put(WRITTEN + versionId, node);
        forwardNode(node);
        forwardEdge(edge(NodeId.run(access.getRunId()).value(), EdgeKind.WROTE, versionId, access.getTime(), null, Map.of()));

        // The version holds until the next one; the one before it now ends here.
        GraphNode next = first(versions.range(key, dataset + SEP + '\uffff'), versionId);
        forwardEdge(edge(versionId, EdgeKind.VERSION_OF, dataset, access.getTime(), next == null ? null : next.getFirstSeen(), Map.of()));
        GraphNode previous = first(versions.reverseRange(dataset + SEP, key), versionId);
        if (previous != null) {
            forwardEdge(edge(previous.getId(), EdgeKind.VERSION_OF, dataset, previous.getFirstSeen(), access.getTime(), Map.of()));
        }

        // Reads at or after this write that still point at an older version are wrong, if not yet final.
        boolean late = access.getTime().isBefore(streamTime);
        if (late && access.getTime().isBefore(streamTime.minus(grace))) {
            return;
        }
        try (KeyValueIterator<String, GraphEdge> it = reads.prefixScan(dataset + SEP, KEYS)) {
            List<KeyValue<String, GraphEdge>> relink = new ArrayList<>();
            it.forEachRemaining(relink::add);
            for (KeyValue<String, GraphEdge> read : relink) {
                Instant readTime = Instant.parse(read.value.getAttributes().get(Read.READ_AT));
                if (!readTime.isBefore(access.getTime())) {
                    link(dataset, read.key, read.value, readTime);
                }
            }
        }
    }

    private void read(DatasetAccess access) {
        if (access.getVersion() != null) {
            readNamedVersion(access);
            return;
        }
        String key = access.getDatasetId() + SEP + access.getRunId();
        GraphEdge known = reads.get(key);
        Instant readTime = access.getTime();
        if (known != null) {
            // A later event of the same run may add what the reader measured (Spark sends inputStatistics on COMPLETE).
            Map<String, String> attributes = new java.util.TreeMap<>(known.getAttributes());
            attributes.putAll(readAttributes(access));
            GraphEdge refined = GraphEdge.newBuilder(known).setAttributes(attributes).build();
            Instant knownTime = Instant.parse(known.getAttributes().get(Read.READ_AT));
            if (!readTime.isBefore(knownTime)) {
                if (!attributes.equals(known.getAttributes())) {
                    link(access.getDatasetId(), key, refined, knownTime);
                }
                return;
            }
            link(access.getDatasetId(), key, refined, readTime);
            return;
        }
        link(access.getDatasetId(), key, edge(access.getDatasetId(), EdgeKind.READ, NodeId.run(access.getRunId()).value(), readTime, null,
                readAttributes(access)), readTime);
    }

    /**
     * A read of a version the reader named: linked to that version whatever was written when, the
     * version made known if no writer has been seen (data from outside, or written before Headwater
     * watched). Kept apart from the time-resolved reads, so a late write never re-links it.
     */
    private void readNamedVersion(DatasetAccess access) {
        NodeId versionNode = NodeId.datasetVersion(access.getNamespace(), access.getName(), access.getVersion());
        String versionId = versionNode.value();
        // Announce the version only when no writer did (the writer's node says more) and only once.
        if (versions.get(WRITTEN + versionId) == null && versions.get(NAMED + versionId) == null) {
            GraphNode node = GraphNode.newBuilder().setId(versionId).setKind(NodeKind.DATASET_VERSION)
                    .setNamespace(access.getNamespace()).setName(versionNode.label())
                    .setFirstSeen(access.getTime()).setLastSeen(access.getTime())
                    .setAttributes(Map.of(DatasetVersion.DATASET, access.getDatasetId(), DatasetVersion.VERSION, access.getVersion()))
                    .build();
            versions.put(NAMED + versionId, node);
            forwardNode(node);
            forwardEdge(edge(versionId, EdgeKind.VERSION_OF, access.getDatasetId(), access.getTime(), null, Map.of()));
        }
        Map<String, String> attributes = new java.util.TreeMap<>(readAttributes(access));
        attributes.put(Read.READ_AT, access.getTime().toString());
        forwardEdge(edge(versionId, EdgeKind.READ, NodeId.run(access.getRunId()).value(), access.getTime(), null, attributes));
    }

    /** The reader's role for the input and what it measured of it. */
    private static Map<String, String> readAttributes(DatasetAccess access) {
        Map<String, String> attributes = new java.util.TreeMap<>(Measurements.attributes(access));
        if (access.getRole() != null) {
            attributes.put(Read.ROLE, access.getRole());
        }
        return attributes;
    }

    /** Points a read at the version current at its time (or at the dataset itself while none is known). */
    private void link(String dataset, String readKey, GraphEdge current, Instant readTime) {
        // Versions sort by write time: the current one is the last at or before the read, one reverse seek away.
        GraphNode version = first(versions.reverseRange(dataset + SEP, versionKey(dataset, readTime, "\uffff")), null);
        String source = version == null ? dataset : version.getId();
        Map<String, String> attributes = new java.util.TreeMap<>(current.getAttributes());
        attributes.put(Read.READ_AT, readTime.toString());
        GraphEdge linked = edge(source, EdgeKind.READ, current.getTarget(), readTime, null, attributes);
        GraphEdge stored = reads.get(readKey);
        if (stored != null && linked.equals(stored)) {
            return;
        }
        if (stored != null && !stored.getId().equals(linked.getId())) {
            forwardRetraction(stored.getId());
        }
        reads.put(readKey, linked);
        forwardEdge(linked);
    }

    /** The first version the iterator yields other than {@code skip}. */
    private static GraphNode first(KeyValueIterator<String, GraphNode> it, String skip) {
        try (it) {
            while (it.hasNext()) {
                GraphNode node = it.next().value;
                if (!node.getId().equals(skip)) {
                    return node;
                }
            }
            return null;
        }
    }

    /** Version keys sort by write time: dataset␟micros (zero-padded)␟versionId. */
    private static String versionKey(String dataset, Instant time, String versionId) {
        long micros = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        return dataset + SEP + String.format("%020d", micros) + SEP + versionId;
    }

    /**
     * The latest access time seen for this dataset. Grace is measured against the dataset's own time, so
     * datasets whose events carry very different times (replayed history beside live data) do not make
     * each other's writes "late".
     */
    private Instant advanceStreamTime(String dataset, Instant time) {
        String key = STREAM_TIME + dataset;
        GraphNode marker = versions.get(key);
        Instant current = marker == null ? Instant.EPOCH : marker.getLastSeen();
        if (time.isAfter(current)) {
            versions.put(key, GraphNode.newBuilder().setId(key).setKind(NodeKind.UNKNOWN).setName("stream-time")
                    .setFirstSeen(time).setLastSeen(time).build());
            return time;
        }
        return current;
    }

    private static GraphEdge edge(String source, EdgeKind kind, String target, Instant from, Instant to, Map<String, String> attributes) {
        return GraphEdge.newBuilder().setId(EdgeId.of(source, kind, target).value()).setKind(kind).setSource(source).setTarget(target)
                .setValidFrom(from).setValidTo(to).setAttributes(new java.util.TreeMap<>(attributes)).build();
    }

    private void forwardNode(GraphNode node) {
        context.forward(new Record<>(node.getId(), GraphFact.node(node), context.currentSystemTimeMs()));
    }

    private void forwardEdge(GraphEdge edge) {
        context.forward(new Record<>(edge.getId(), GraphFact.edge(edge), context.currentSystemTimeMs()));
    }

    private void forwardRetraction(String edgeId) {
        context.forward(new Record<>(edgeId, GraphFact.retractedEdge(), context.currentSystemTimeMs()));
    }
}
