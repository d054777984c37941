package io.headwater.streams.graph;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What many runs say about one id crosses on once per interval; what one run says passes at once. */
class SharedFactCombinerTest {

    private static final String STORE = "held";
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private MockProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private SharedFactCombiner<String> combiner() {
        // Merge keeps the larger value, as GraphMerge keeps the wider time span: order-free.
        SharedFactCombiner<String> combiner = new SharedFactCombiner<>(STORE, INTERVAL,
                (a, b) -> a.compareTo(b) >= 0 ? a : b, fact -> fact.startsWith("run"));
        combiner.init(context);
        return combiner;
    }

    private List<String> forwarded() {
        return context.forwarded().stream().map(f -> f.record().key() + "=" + f.record().value()).toList();
    }

    /** A new task's context over the same store: the earlier instance's punctuation and forwards are gone. */
    private void freshContext() {
        context = new MockProcessorContext<>();
        context.addStateStore(store);
    }

    private void punctuate(long at) {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(at));
    }

    @Test
    void copiesOfOneSharedFactLeaveOnceMergedAfterTheInterval() {
        SharedFactCombiner<String> combiner = combiner();
        combiner.process(new Record<>("job:a", "job-2", 1));
        combiner.process(new Record<>("job:a", "job-5", 2));
        combiner.process(new Record<>("dataset:x", "ds-1", 3));
        combiner.process(new Record<>("job:a", "job-3", 4));
        assertEquals(List.of(), forwarded(), "nothing shared leaves before the interval");
        assertEquals(1, context.scheduledPunctuators().size());
        assertEquals(INTERVAL, context.scheduledPunctuators().get(0).getInterval());

        punctuate(100);

        assertEquals(List.of("job:a=job-5", "dataset:x=ds-1"), forwarded());
        assertNull(store.get("job:a"), "a sent fact is no longer held");
        context.resetForwards();
        punctuate(200);
        assertEquals(List.of(), forwarded(), "a fact is sent once");
    }

    @Test
    void factsAboutOneRunAndRemovalsPassAtOnce() {
        SharedFactCombiner<String> combiner = combiner();
        combiner.process(new Record<>("run:1", "run-started", 1));
        combiner.process(new Record<>("job:a", null, 2));
        assertEquals(List.of("run:1=run-started", "job:a=null"), forwarded());
        assertNull(store.get("run:1"));
    }

    @Test
    void whatAnEarlierInstanceHeldIsSentByTheNext() {
        // As after a crash or a task's move: the store came back from its changelog, the memory did not.
        combiner().process(new Record<>("column:x.c", "col-1", 1));
        freshContext();

        combiner();
        punctuate(100);

        assertEquals(List.of("column:x.c=col-1"), forwarded());
    }

    @Test
    void aRevivedTaskSendsWhatItsStoreHoldsNotWhatItsMemoryHeld() {
        // A failed exactly-once commit wipes and restores the store, then initialises the same processor
        // again: what was merged after the last commit is read again from the input, so memory must not keep it.
        SharedFactCombiner<String> combiner = combiner();
        combiner.process(new Record<>("job:a", "job-9", 1));
        store.delete("job:a");
        store.put("dataset:x", "ds-1");
        freshContext();

        combiner.init(context);
        combiner.process(new Record<>("job:a", "job-2", 2));
        punctuate(100);

        assertEquals(List.of("dataset:x=ds-1", "job:a=job-2"), forwarded());
    }
}
