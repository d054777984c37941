package io.headwater.streams.runs;

import io.headwater.avro.LineageEvent;
import io.headwater.avro.RunHistory;
import io.headwater.avro.RunState;
import io.headwater.contract.RecordSizes;
import io.headwater.contract.RecordTrimmer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Adds an event to a run's history: a repeat (same eventId) changes nothing, and the list stays
 * sorted by event time then id, so the history is the same set whatever order events came in.
 *
 * <p>The history is state written to a changelog, so it is kept far below Kafka's record limit:
 * <ul>
 *   <li>the raw JSON is not kept (it stays, verbatim, on the lineage topic);</li>
 *   <li>an event larger than {@link #MAX_EVENT_BYTES} is kept trimmed: long strings (a huge SQL text,
 *       stack trace or parameter) end with {@link RecordTrimmer#MARKER}, then long lists keep their first
 *       entries;</li>
 *   <li>RUNNING events beyond {@link #MAX_RUNNING} are dropped oldest-first (Spark can send thousands
 *       and they only refine the latest state), and while the whole history is larger than
 *       {@link #MAX_HISTORY_BYTES} the oldest non-terminal events are folded away too.</li>
 * </ul>
 * Dropped events are counted in {@code droppedRunning}.
 */
public final class RunHistories {

    static final int MAX_RUNNING = 20;
    /** Largest event kept whole in a history. */
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    /** Largest history kept (the changelog record). */
    public static final int MAX_HISTORY_BYTES = RecordSizes.STATE_RECORD_BYTES / 2;
    public static final Comparator<LineageEvent> ORDER = Comparator.comparing(LineageEvent::getEventTime).thenComparing(LineageEvent::getEventId);

    /** The size of {@link #empty()} as Avro binary. */
    public static final int EMPTY_BYTES = RecordTrimmer.size(empty());

    private RunHistories() {
    }

    public static RunHistory empty() {
        return RunHistory.newBuilder().setRunId("").setEvents(new ArrayList<>()).build();
    }

    /** The event as a history keeps it: without its raw JSON (cheap; done before the re-partition too). */
    public static LineageEvent withoutRaw(LineageEvent event) {
        return event.getRawJson().isEmpty() ? event : LineageEvent.newBuilder(event).setRawJson("").build();
    }

    /** A history and an upper bound on its size as Avro binary (exact where it was measured). */
    public record Sized(RunHistory history, int bytesAtMost) {
    }

    /**
     * What adding one event can add to a history's size besides the event: the run id, once (an empty
     * history has none), and the varints of the event count and of droppedRunning growing.
     */
    private static int growthBesidesEvent(String runId) {
        return 3 * runId.length() + 32;
    }

    public static RunHistory add(String runId, LineageEvent event, RunHistory history) {
        return add(runId, event, history, -1).history();
    }

    /**
     * Adds an event to a history whose size is known to be at most {@code historyBytesAtMost} (-1: not known).
     * With a known bound the new history is measured only when bound plus event could pass
     * {@link #MAX_HISTORY_BYTES}, instead of being serialised whole on every event. Returns the very
     * history given when the event is a repeat.
     */
    public static Sized add(String runId, LineageEvent event, RunHistory history, int historyBytesAtMost) {
        for (LineageEvent known : history.getEvents()) {
            if (known.getEventId().equals(event.getEventId())) {
                return new Sized(history, historyBytesAtMost);
            }
        }
        List<LineageEvent> events = new ArrayList<>(history.getEvents());
        RecordTrimmer.Fitted<LineageEvent> kept = RecordTrimmer.fitSized(withoutRaw(event), MAX_EVENT_BYTES, RecordSizes.MAX_STATE_STRING_CHARS, Set.of());
        events.add(kept.record());
        events.sort(ORDER);
        long dropped = history.getDroppedRunning();
        List<LineageEvent> running = events.stream().filter(e -> e.getEventType() == RunState.RUNNING).toList();
        if (running.size() > MAX_RUNNING) {
            List<LineageEvent> oldest = running.subList(0, running.size() - MAX_RUNNING);
            events.removeAll(oldest);
            dropped += oldest.size();
        }
        RunHistory result = RunHistory.newBuilder().setRunId(runId).setEvents(events).setDroppedRunning(dropped).build();
        // Removing events only shrinks a history, so the bound stays a bound.
        long bound = historyBytesAtMost < 0 ? Long.MAX_VALUE : (long) historyBytesAtMost + kept.bytes() + growthBesidesEvent(runId);
        if (bound <= MAX_HISTORY_BYTES) {
            return new Sized(result, (int) bound);
        }
        int bytes = RecordTrimmer.size(result);
        while (events.size() > 1 && bytes > MAX_HISTORY_BYTES) {
            events.remove(oldestToFold(events));
            result = RunHistory.newBuilder().setRunId(runId).setEvents(events).setDroppedRunning(++dropped).build();
            bytes = RecordTrimmer.size(result);
        }
        return new Sized(result, bytes);
    }

    /** The oldest event that is not terminal (its facts are refined by later ones); else the oldest. */
    private static int oldestToFold(List<LineageEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (!RunFolder.TERMINAL.contains(events.get(i).getEventType())) {
                return i;
            }
        }
        return 0;
    }
}
