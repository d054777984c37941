package io.headwater.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

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
}
