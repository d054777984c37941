package io.headwater.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.contract.Times;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks that a field holds an ISO-8601 date-time with an offset, as OpenLineage writes them, within {@link Times#EARLIEST}..{@link Times#LATEST}. */
public final class TimeChecks {

    private TimeChecks() {
    }

    /** Adds a violation unless holder.field (when present and a string) is an ISO-8601 date-time with an offset. */
    public static void check(JsonNode holder, String field, String pointer, List<Violation> violations) {
        JsonNode value = holder.get(field);
        if (value == null || !value.isTextual()) {
            return;
        }
        try {
            if (!Times.inRange(OffsetDateTime.parse(value.asText()).toInstant())) {
                violations.add(new Violation(pointer + "/" + field, "must lie between " + Times.EARLIEST + " and " + Times.LATEST
                        + ", not '" + value.asText() + "'"));
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            violations.add(new Violation(pointer + "/" + field, "must be an ISO-8601 date-time with a UTC offset, e.g. 2026-11-26T03:14:12.618Z, not '"
                    + value.asText() + "'"));
        }
    }

    /**
     * A violation when holder.field lies further ahead of {@code now} than clocks may differ: an event from the
     * future would stand as the latest state of its run until that time came.
     */
    public static List<Violation> notAhead(JsonNode holder, String field, String pointer, java.time.Instant now, java.time.Duration skew) {
        JsonNode value = holder.get(field);
        if (value == null || !value.isTextual()) {
            return List.of();
        }
        try {
            java.time.Instant time = OffsetDateTime.parse(value.asText()).toInstant();
            if (time.isAfter(now.plus(skew))) {
                return List.of(new Violation(pointer + "/" + field, "lies " + java.time.Duration.between(now, time).toMinutes()
                        + " minutes ahead of this server's clock; clocks may differ by at most " + skew + " (headwater.ingest.max-clock-skew)"));
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return List.of();
        }
        return List.of();
    }
}
