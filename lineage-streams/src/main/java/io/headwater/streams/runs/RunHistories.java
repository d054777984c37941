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

    private RunHistories() {
    }

    public static RunHistory empty() {
        return RunHistory.newBuilder().setRunId("").setEvents(new ArrayList<>()).build();
    }

    /** The event as a history keeps it: without its raw JSON (cheap; done before the re-partition too). */
    public static LineageEvent withoutRaw(LineageEvent event) {
        return event.getRawJson().isEmpty() ? event : LineageEvent.newBuilder(event).setRawJson("").build();
    }

    public static RunHistory add(String runId, LineageEvent event, RunHistory history) {
        for (LineageEvent known : history.getEvents()) {
            if (known.getEventId().equals(event.getEventId())) {
                return history;
            }
        }
        List<LineageEvent> events = new ArrayList<>(history.getEvents());
        events.add(RecordTrimmer.fit(withoutRaw(event), MAX_EVENT_BYTES, RecordSizes.MAX_STATE_STRING_CHARS, Set.of()));
        events.sort(ORDER);
        long dropped = history.getDroppedRunning();
        List<LineageEvent> running = events.stream().filter(e -> e.getEventType() == RunState.RUNNING).toList();
        if (running.size() > MAX_RUNNING) {
            List<LineageEvent> oldest = running.subList(0, running.size() - MAX_RUNNING);
            events.removeAll(oldest);
            dropped += oldest.size();
        }
        RunHistory result = RunHistory.newBuilder().setRunId(runId).setEvents(events).setDroppedRunning(dropped).build();
        while (events.size() > 1 && RecordTrimmer.size(result) > MAX_HISTORY_BYTES) {
            events.remove(oldestToFold(events));
            result = RunHistory.newBuilder().setRunId(runId).setEvents(events).setDroppedRunning(++dropped).build();
        }
        return result;
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
