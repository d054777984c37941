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
 */
public class RunProjector implements Processor<String, LineageEvent, String, GraphFact> {

    private final String storeName;
    private ProcessorContext<String, GraphFact> context;
    private KeyValueStore<String, RunHistory> histories;

    public RunProjector(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, GraphFact> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, LineageEvent> record) {
        String runId = record.key();
        StreamsMetrics.folded(record.value().getKind());
        StreamsMetrics.graphLag(record.timestamp(), context.currentSystemTimeMs());
        RunHistory before = histories.get(runId);
        RunHistory after = RunHistories.add(runId, record.value(), before == null ? RunHistories.empty() : before);
        if (after == before) {
            return;
        }
        histories.put(runId, after);
        RunView old = before == null ? null : RunFolder.fold(before);
        RunView now = RunFolder.fold(after);
        forwardChanged(GraphFact::node, old == null ? List.of() : GraphProjection.nodes(old), GraphProjection.nodes(now), GraphNode::getId, record);
        forwardChanged(GraphFact::edge, old == null ? List.of() : GraphProjection.edges(old), GraphProjection.edges(now), GraphEdge::getId, record);
        forwardChanged(GraphFact::access, old == null ? List.of() : GraphProjection.accesses(old), GraphProjection.accesses(now),
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
