package io.headwater.query.streams;

import io.headwater.contract.access.AuditEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Indexes the access audit by every id each request asked about, so "who read decision D" is a range scan and
 * not a scan of the topic. An entry that cannot be read is passed over (the topic still holds it, verbatim).
 */
public class AuditIndexer implements Processor<String, String, Void, Void> {

    private final String storeName;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, String> index;

    public AuditIndexer(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.index = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        long offset = context.recordMetadata().orElseThrow().offset();
        if (record.value() != null) {
            index(record.value(), offset);
        }
        index.put(AuditIndexKeys.POSITION, Long.toString(offset + 1));
    }

    private void index(String raw, long offset) {
        AuditEntry entry;
        try {
            entry = AuditEntry.fromJson(raw);
            if (entry.time() == null) {
                return;
            }
            index.put(AuditIndexKeys.entry(offset), raw);
            for (String id : entry.askedAbout()) {
                if (AuditIndexKeys.indexable(id)) {
                    index.put(AuditIndexKeys.hit(id, entry.time(), offset), "");
                }
            }
        } catch (RuntimeException unreadable) {
            // Not JSON, or a path that does not decode: the scan of the topic reads it as it does today.
        }
    }
}
