package io.headwater.streams.graph;

import io.headwater.streams.metrics.StreamsMetrics;
import io.headwater.avro.DatasetAccess;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.RunHistory;
import io.headwater.streams.facts.GraphFact;
import io.headwater.streams.runs.RunFolder;
import io.headwater.streams.runs.RunHistories;
import io.headwater.streams.runs.RunView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps each run's history (keyed by run id) and, when an event changes it, forwards only the graph
 * facts that changed: the run is folded before and after the event and the two projections are
 * compared, so a COMPLETE after a START sends the run's new state and its writes, not its datasets,
 * job and columns again. A repeated event changes nothing and sends nothing.
 *
 * <p>Forwards node and edge facts keyed by their id, and dataset accesses keyed by dataset id.
 *
 * <p>The runs this task changed last are also kept as objects, history and projection
 * ({@link #RECENT_RUNS}), so the next event of such a run (a COMPLETE close behind its START) costs no
 * read of the history, no deserialisation and no second fold. This processor is the only writer of its
 * store, so what it last wrote is what the store holds; the memory is emptied whenever the task is
 * (re)initialised, after a restore included.
 */
public class RunProjector implements Processor<String, LineageEvent, String, GraphFact> {

    /** How many recently changed runs each task keeps as objects. */
    static final int RECENT_RUNS = 256;

    private final String storeName;
    private final Map<String, Projected> recent = new LinkedHashMap<>(RECENT_RUNS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Projected> eldest) {
            return size() > RECENT_RUNS;
        }
    };
    private ProcessorContext<String, GraphFact> context;
    private KeyValueStore<String, RunHistory> histories;

    /** A run's history as stored, a bound on its size (-1: unknown), and the graph facts it projects to. */
    private record Projected(RunHistory history, int bytesAtMost, List<GraphNode> nodes, List<GraphEdge> edges, List<DatasetAccess> accesses) {

        static Projected of(RunHistory history, int bytesAtMost) {
            RunView run = RunFolder.fold(history);
            return new Projected(history, bytesAtMost, GraphProjection.nodes(run), GraphProjection.edges(run), GraphProjection.accesses(run));
        }
    }

    public RunProjector(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, GraphFact> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
        recent.clear();
    }

    @Override
    public void process(Record<String, LineageEvent> record) {
        String runId = record.key();
        StreamsMetrics.folded(record.value().getKind());
        StreamsMetrics.graphLag(record.timestamp(), context.currentSystemTimeMs());
        Projected old = recent.get(runId);
        RunHistory before = old != null ? old.history() : histories.get(runId);
        RunHistories.Sized added = before == null ? RunHistories.add(runId, record.value(), RunHistories.empty(), RunHistories.EMPTY_BYTES)
                : RunHistories.add(runId, record.value(), before, old != null ? old.bytesAtMost() : -1);
        RunHistory after = added.history();
        if (after == before) {
            return;
        }
        histories.put(runId, after);
        if (old == null && before != null) {
            old = Projected.of(before, -1);
        }
        Projected now = Projected.of(after, added.bytesAtMost());
        recent.put(runId, now);
        forwardChanged(GraphFact::node, old == null ? List.of() : old.nodes(), now.nodes(), GraphNode::getId, record);
        forwardChanged(GraphFact::edge, old == null ? List.of() : old.edges(), now.edges(), GraphEdge::getId, record);
        forwardChanged(GraphFact::access, old == null ? List.of() : old.accesses(), now.accesses(),
                a -> a.getDatasetId() + "\u001f" + a.getRunId() + "\u001f" + a.getWrite(), record);
    }

    private <T extends SpecificRecord> void forwardChanged(Function<T, GraphFact> asFact, List<T> before, List<T> after, Function<T, String> id,
                                                          Record<String, LineageEvent> record) {
        Map<String, T> previous = new LinkedHashMap<>();
        before.forEach(fact -> previous.put(id.apply(fact), fact));
        for (T fact : after) {
            if (!Objects.equals(previous.get(id.apply(fact)), fact)) {
                String key = fact instanceof DatasetAccess access ? access.getDatasetId() : id.apply(fact);
                context.forward(record.withKey(key).withValue(asFact.apply(fact)));
            }
        }
    }
}
