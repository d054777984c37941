package io.headwater.query.streams;

import io.headwater.avro.Decision;
import io.headwater.avro.LinkedDecision;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Keeps this instance's decisions by id and by subject, and sends each change on, keyed by model version,
 * to the by-version index. A tombstone (an erasure or an expiry) removes the decision from both stores and
 * sends the index a removal: the decision stripped of everything personal, marked by a header, because
 * a tombstone alone would not say which version's index holds it.
 */
public class DecisionStoreWriter implements Processor<String, LinkedDecision, String, LinkedDecision> {

    /** Marks a record to the by-version index as the removal of its decision. */
    public static final String REMOVED_HEADER = "headwater-removed";

    private final String decisionsStore;
    private final String subjectsStore;
    private ProcessorContext<String, LinkedDecision> context;
    private TimestampedKeyValueStore<String, LinkedDecision> decisions;
    private org.apache.kafka.streams.state.KeyValueStore<String, String> subjects;

    public DecisionStoreWriter(String decisionsStore, String subjectsStore) {
        this.decisionsStore = decisionsStore;
        this.subjectsStore = subjectsStore;
    }

    @Override
    public void init(ProcessorContext<String, LinkedDecision> context) {
        this.context = context;
        this.decisions = context.getStateStore(decisionsStore);
        this.subjects = context.getStateStore(subjectsStore);
    }

    @Override
    public void process(Record<String, LinkedDecision> record) {
        if (record.key() == null) {
            return;
        }
        ValueAndTimestamp<LinkedDecision> known = decisions.get(record.key());
        LinkedDecision before = known == null ? null : known.value();
        LinkedDecision after = record.value();
        if (after == null) {
            if (before == null) {
                return;
            }
            decisions.delete(record.key());
            unindexSubject(before);
            RecordHeaders headers = new RecordHeaders();
            headers.add(REMOVED_HEADER, "true".getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(before.getModelVersionId(), stripped(before), record.timestamp(), headers));
            return;
        }
        decisions.put(record.key(), ValueAndTimestamp.make(after, record.timestamp()));
        if (before != null && before.getDecision().getSubjectId() != null
                && !before.getDecision().getSubjectId().equals(after.getDecision().getSubjectId())) {
            unindexSubject(before);
        }
        if (after.getDecision().getSubjectId() != null) {
            subjects.put(GraphStoreKeys.subjectDecision(after.getDecision().getSubjectId(), record.key()), after.getModelVersionId());
        }
        context.forward(new Record<>(after.getModelVersionId(), after, record.timestamp()));
    }

    private void unindexSubject(LinkedDecision decision) {
        if (decision.getDecision().getSubjectId() != null) {
            subjects.delete(GraphStoreKeys.subjectDecision(decision.getDecision().getSubjectId(), decision.getDecision().getDecisionId()));
        }
    }

    /** What the index needs to find the entry (id, version, time), and nothing about whom it concerned. */
    static LinkedDecision stripped(LinkedDecision decision) {
        Decision d = decision.getDecision();
        return LinkedDecision.newBuilder(decision).setDecision(Decision.newBuilder()
                .setDecisionId(d.getDecisionId()).setModelName(d.getModelName()).setModelVersion(d.getModelVersion())
                .setDecisionTime(d.getDecisionTime()).setReceivedAt(d.getReceivedAt()).setOutputJson("null")
                .setMetadata(Map.of()).build()).build();
    }

    /** Whether a record to the index is a removal. */
    static boolean isRemoval(Record<?, ?> record) {
        return record.headers().lastHeader(REMOVED_HEADER) != null;
    }
}
