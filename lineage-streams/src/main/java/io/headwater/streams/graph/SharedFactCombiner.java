package io.headwater.streams.graph;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * Combines, before the re-partition to each id's merge, what many runs state about the same node or
 * edge: every run of a job re-sends the job, its datasets, their columns and the edges between them
 * with its own times, and each copy used to cross the re-partition topic on its own (14 of the ~32
 * records an event cost). Facts with the same id are merged here ({@link GraphMerge} is commutative,
 * associative and idempotent, so combining early changes no result) and sent on once per interval.
 * Facts about one run only (its node, its edges) cannot be combined and pass straight on.
 *
 * <p>Held facts are in a changelogged store, not only in memory: an exactly-once commit that has
 * consumed an event has also stored what it still holds from it, and after a crash or a move of the
 * task the store is read back and flushed at the next interval. The same values are also kept as
 * objects ({@link #held}), so merging a copy costs one write to the store, not a read and its
 * deserialisation too; the map is filled from the store whenever the task is (re)initialised.
 */
public final class SharedFactCombiner<V> implements Processor<String, V, String, V> {

    private final String storeName;
    private final Duration interval;
    private final BinaryOperator<V> merge;
    private final Predicate<V> aboutOneRun;
    /** The facts held now, in arrival order: what the store holds, as objects. */
    private final Map<String, V> held = new LinkedHashMap<>();
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, V> store;

    public SharedFactCombiner(String storeName, Duration interval, BinaryOperator<V> merge, Predicate<V> aboutOneRun) {
        this.storeName = storeName;
        this.interval = interval;
        this.merge = merge;
        this.aboutOneRun = aboutOneRun;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        held.clear();
        try (KeyValueIterator<String, V> left = store.all()) {
            left.forEachRemaining((KeyValue<String, V> entry) -> held.put(entry.key, entry.value));
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, V> record) {
        V fact = record.value();
        if (fact == null || aboutOneRun.test(fact)) {
            context.forward(record);
            return;
        }
        V before = held.get(record.key());
        V combined = before == null ? fact : merge.apply(before, fact);
        store.put(record.key(), combined);
        held.put(record.key(), combined);
    }

    /** Sends every held fact, combined, and forgets it. */
    void flush(long now) {
        held.forEach((id, fact) -> {
            context.forward(new Record<>(id, fact, now));
            store.delete(id);
        });
        held.clear();
    }
}
