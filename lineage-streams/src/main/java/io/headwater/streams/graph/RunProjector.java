package io.headwater.streams.graph;

import io.headwater.avro.DatasetAccess;
import io.headwater.avro.GraphEdge;
import io.headwater.avro.GraphNode;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.RunHistory;
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
 * <p>Forwards nodes keyed {@code N␟id}, edges {@code E␟id} and dataset accesses {@code A␟datasetId}.
 */
public class RunProjector implements Processor<String, LineageEvent, String, SpecificRecord> {

    public static final String NODE = "N\u001f";
    public static final String EDGE = "E\u001f";
    public static final String ACCESS = "A\u001f";

    private final String storeName;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, RunHistory> histories;

    public RunProjector(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, LineageEvent> record) {
        String runId = record.key();
        RunHistory before = histories.get(runId);
        RunHistory after = RunHistories.add(runId, record.value(), before == null ? RunHistories.empty() : before);
        if (after == before) {
            return;
        }
        histories.put(runId, after);
        RunView old = before == null ? null : RunFolder.fold(before);
        RunView now = RunFolder.fold(after);
        forwardChanged(NODE, old == null ? List.of() : GraphProjection.nodes(old), GraphProjection.nodes(now), GraphNode::getId, record);
        forwardChanged(EDGE, old == null ? List.of() : GraphProjection.edges(old), GraphProjection.edges(now), GraphEdge::getId, record);
        forwardChanged(ACCESS, old == null ? List.of() : GraphProjection.accesses(old), GraphProjection.accesses(now),
                a -> a.getDatasetId() + "\u001f" + a.getRunId() + "\u001f" + a.getWrite(), record);
    }

    private <T extends SpecificRecord> void forwardChanged(String prefix, List<T> before, List<T> after, Function<T, String> id,
                                                          Record<String, LineageEvent> record) {
        Map<String, T> previous = new LinkedHashMap<>();
        before.forEach(fact -> previous.put(id.apply(fact), fact));
        for (T fact : after) {
            if (!Objects.equals(previous.get(id.apply(fact)), fact)) {
                String key = fact instanceof DatasetAccess access ? access.getDatasetId() : id.apply(fact);
                context.forward(record.withKey(prefix + key).withValue(fact));
            }
        }
    }
}
