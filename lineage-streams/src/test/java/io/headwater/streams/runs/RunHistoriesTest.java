package io.headwater.streams.runs;

import io.headwater.avro.JobInfo;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.RunHistory;
import io.headwater.avro.RunInfo;
import io.headwater.avro.RunState;
import io.headwater.contract.RecordSizes;
import io.headwater.contract.RecordTrimmer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's history is state on a changelog: it must stay far below the record limit whatever events it is given. */
class RunHistoriesTest {

    private static LineageEvent event(String id, RunState state, Instant time, String sql, String raw) {
        return LineageEvent.newBuilder().setEventId(id).setKind(LineageEventKind.RUN).setEventType(state).setEventTime(time)
                .setProducer("p").setSchemaURL("s").setRawJson(raw).setReceivedAt(time)
                .setRun(RunInfo.newBuilder().setRunId("r").setParameters(Map.of("p", "v")).build())
                .setJob(JobInfo.newBuilder().setNamespace("n").setName("j").setSql(sql).build())
                .build();
    }

    @Test
    void theRawJsonIsNotKeptAndAHugeSqlIsCutWithTheMarker() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        String huge = "select " + "x, ".repeat(400_000) + "1";
        RunHistory history = RunHistories.add("r", event("e1", RunState.START, t, huge, "{\"blob\":\"" + "y".repeat(1_200_000) + "\"}"),
                RunHistories.empty());
        LineageEvent kept = history.getEvents().get(0);
        assertThat(kept.getRawJson()).isEmpty();
        assertThat(kept.getJob().getSql()).hasSize(RecordSizes.MAX_STATE_STRING_CHARS + RecordTrimmer.MARKER.formatted(huge.length() - RecordSizes.MAX_STATE_STRING_CHARS).length())
                .startsWith("select x, x, ").contains("[truncated by Headwater: ");
        assertThat(RecordTrimmer.isTruncated(kept.getJob().getSql())).isTrue();
        assertThat(kept.getRun().getParameters()).containsEntry("p", "v");
        assertThat(RecordTrimmer.size(history)).isLessThan(RunHistories.MAX_EVENT_BYTES);
    }

    @Test
    void aSmallEventIsKeptAsItCame() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        LineageEvent small = event("e1", RunState.START, t, "select 1", "");
        assertThat(RunHistories.add("r", small, RunHistories.empty()).getEvents().get(0)).isEqualTo(small);
    }

    @Test
    void aHistoryOfManyLargeEventsStaysUnderItsBoundAndKeepsTheTerminalEvent() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        // 200 distinct OTHER events of ~200 KiB each (40 MiB in all), then the COMPLETE.
        RunHistory history = RunHistories.empty();
        String big = "z".repeat(RecordSizes.MAX_STATE_STRING_CHARS);
        for (int i = 0; i < 200; i++) {
            LineageEvent e = LineageEvent.newBuilder(event("o" + i, RunState.OTHER, t.plusSeconds(i), big, ""))
                    .setRun(RunInfo.newBuilder().setRunId("r").setParameters(params(i, 12, big)).build()).build();
            history = RunHistories.add("r", e, history);
        }
        history = RunHistories.add("r", event("done", RunState.COMPLETE, t.plusSeconds(500), "select 1", ""), history);
        assertThat(RecordTrimmer.size(history)).isLessThanOrEqualTo(RunHistories.MAX_HISTORY_BYTES);
        assertThat(history.getEvents()).anyMatch(e -> e.getEventType() == RunState.COMPLETE);
        assertThat(history.getDroppedRunning() + history.getEvents().size()).isEqualTo(201);
        assertThat(RunFolder.fold(history).state()).isEqualTo(RunState.COMPLETE);
    }

    @Test
    void aHistoryAddedToWithItsSizeBoundIsMeasuredOnlyNearTheLimitAndStaysUnderIt() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        String big = "z".repeat(RecordSizes.MAX_STATE_STRING_CHARS);
        RunHistories.Sized sized = new RunHistories.Sized(RunHistories.empty(), RunHistories.EMPTY_BYTES);
        RunHistory measuredEachTime = RunHistories.empty();
        for (int i = 0; i < 200; i++) {
            LineageEvent e = LineageEvent.newBuilder(event("o" + i, i % 3 == 0 ? RunState.RUNNING : RunState.OTHER, t.plusSeconds(i), big, ""))
                    .setRun(RunInfo.newBuilder().setRunId("run-" + "x".repeat(i % 7)).setParameters(params(i, i % 13, big)).build()).build();
            sized = RunHistories.add("a-run-id-of-some-length", e, sized.history(), sized.bytesAtMost());
            measuredEachTime = RunHistories.add("a-run-id-of-some-length", e, measuredEachTime);
            int actual = RecordTrimmer.size(sized.history());
            assertThat(sized.bytesAtMost()).as("the bound after event %d", i).isGreaterThanOrEqualTo(actual);
            assertThat(actual).isLessThanOrEqualTo(RunHistories.MAX_HISTORY_BYTES);
            assertThat(sized.history()).as("after event %d", i).isEqualTo(measuredEachTime);
        }
        RunHistories.Sized repeat = RunHistories.add("a-run-id-of-some-length", sized.history().getEvents().get(0), sized.history(), sized.bytesAtMost());
        assertThat(repeat.history()).isSameAs(sized.history());
        // 133 OTHER and 20 RUNNING events would be kept under the RUNNING rule alone: the size limit folded most away.
        assertThat(sized.history().getEvents()).as("the size limit was reached").hasSizeLessThan(30);
    }

    private static Map<String, String> params(int run, int count, String value) {
        Map<String, String> params = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            params.put("p" + run + "_" + i, value);
        }
        return params;
    }
}
