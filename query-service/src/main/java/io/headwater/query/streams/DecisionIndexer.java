package io.headwater.query.streams;

import io.headwater.avro.LinkedDecision;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Indexes decisions by the model version that made them, partitioned by model version, so the
 * instance owning a version answers its decision count in one read and a page of its decisions in
 * time order by one prefix scan, however many millions it made. A decision re-sent under the same
 * id (a retry, or the re-emission once its version is linked) replaces its entry and counts once; a
 * removal ({@link DecisionStoreWriter}: an erasure or an expiry) takes it out and uncounts it.
 */
class DecisionIndexer implements Processor<String, LinkedDecision, Void, Void> {

    private final String entriesStore;
    private final String countsStore;
    private KeyValueStore<String, LinkedDecision> entries;
    private KeyValueStore<String, Long> counts;

    DecisionIndexer(String entriesStore, String countsStore) {
        this.entriesStore = entriesStore;
        this.countsStore = countsStore;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        entries = context.getStateStore(entriesStore);
        counts = context.getStateStore(countsStore);
    }

    @Override
    public void process(Record<String, LinkedDecision> record) {
        LinkedDecision decision = record.value();
        String versionId = record.key();
        String decisionId = decision.getDecision().getDecisionId();
        String entryKey = GraphStoreKeys.decision(versionId, sortable(decision.getDecision().getDecisionTime()), decisionId);
        String reverseKey = GraphStoreKeys.decisionById(versionId, decisionId);
        LinkedDecision known = entries.get(reverseKey);
        if (DecisionStoreWriter.isRemoval(record)) {
            if (known != null) {
                entries.delete(GraphStoreKeys.decision(versionId, sortable(known.getDecision().getDecisionTime()), decisionId));
                entries.delete(reverseKey);
                Long count = counts.get(versionId);
                if (count == null || count <= 1) {
                    counts.delete(versionId);
                } else {
                    counts.put(versionId, count - 1);
                }
            }
            return;
        }
        if (known == null) {
            Long count = counts.get(versionId);
            counts.put(versionId, count == null ? 1 : count + 1);
        } else {
            entries.delete(GraphStoreKeys.decision(versionId, sortable(known.getDecision().getDecisionTime()), decisionId));
        }
        entries.put(entryKey, decision);
        entries.put(reverseKey, decision);
    }

    /** Micros since the epoch, zero-padded, so keys sort in time order. */
    static String sortable(Instant time) {
        long micros = time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
        return String.format("%020d", micros);
    }
}
