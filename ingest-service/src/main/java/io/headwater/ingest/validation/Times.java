package io.headwater.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** ISO-8601 times with an offset, as OpenLineage writes them, kept to the microsecond as Avro does. */
public final class Times {

    private Times() {
    }

    public static Instant parse(String text) {
        return micros(OffsetDateTime.parse(text).toInstant());
    }

    /** Avro keeps timestamps to the microsecond; truncate here so a value reads back equal. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Adds a violation unless holder.field is an ISO-8601 date-time with an offset. */
    public static void check(JsonNode holder, String field, String pointer, List<Violation> violations) {
        JsonNode value = holder.get(field);
        if (value == null || !value.isTextual()) {
            return;
        }
        try {
            OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(pointer + "/" + field, "must be an ISO-8601 date-time with a UTC offset, e.g. 2026-11-26T03:14:12.618Z, not '"
                    + value.asText() + "'"));
        }
    }
}
