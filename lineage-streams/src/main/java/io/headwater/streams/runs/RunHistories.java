package io.headwater.streams.runs;

import io.headwater.avro.LineageEvent;
import io.headwater.avro.RunHistory;
import io.headwater.avro.RunState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds an event to a run's history: a repeat (same eventId) changes nothing, and the list stays
 * sorted by event time then id, so the history is the same set whatever order events came in.
 * RUNNING events beyond a cap are dropped oldest-first: Spark can send thousands and they only
 * ever refine the latest state.
 */
public final class RunHistories {

    static final int MAX_RUNNING = 20;
    public static final Comparator<LineageEvent> ORDER = Comparator.comparing(LineageEvent::getEventTime).thenComparing(LineageEvent::getEventId);

    private RunHistories() {
    }

    public static RunHistory empty() {
        return RunHistory.newBuilder().setRunId("").setEvents(new ArrayList<>()).build();
    }

    public static RunHistory add(String runId, LineageEvent event, RunHistory history) {
        for (LineageEvent known : history.getEvents()) {
            if (known.getEventId().equals(event.getEventId())) {
                return history;
            }
        }
        List<LineageEvent> events = new ArrayList<>(history.getEvents());
        // The raw JSON stays on the lineage topic; the state keeps what the graph is built from.
        events.add(LineageEvent.newBuilder(event).setRawJson("").build());
        events.sort(ORDER);
        long dropped = history.getDroppedRunning();
        List<LineageEvent> running = events.stream().filter(e -> e.getEventType() == RunState.RUNNING).toList();
        if (running.size() > MAX_RUNNING) {
            List<LineageEvent> oldest = running.subList(0, running.size() - MAX_RUNNING);
            events.removeAll(oldest);
            dropped += oldest.size();
        }
        return RunHistory.newBuilder().setRunId(runId).setEvents(events).setDroppedRunning(dropped).build();
    }
}
