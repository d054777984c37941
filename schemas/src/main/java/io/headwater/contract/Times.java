package io.headwater.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** ISO-8601 times with an offset, as OpenLineage writes them, kept to the microsecond as Avro does. */
public final class Times {

    /**
     * The times Headwater stores: from the Unix epoch to the end of year 9999 (UTC). Avro keeps times as
     * microseconds since the epoch in a long, which ends in year 294247; the bound is far inside that and
     * outside any real event, so an event time beyond it is a producer's bug, refused by name.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Times() {
    }

    /** Whether the instant lies in the range Headwater stores. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static Instant parse(String text) {
        return micros(OffsetDateTime.parse(text).toInstant());
    }

    /** Avro keeps timestamps to the microsecond; truncate here so a value reads back equal. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
