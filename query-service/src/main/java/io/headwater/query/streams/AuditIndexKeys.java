package io.headwater.query.streams;

import java.time.Instant;

/**
 * The keys of the audit index, one store per audit partition: each entry once by its offset, a hit per id it
 * asked about (ordered by time, then offset, so an id's entries in a time range are one range scan), and how far
 * the partition has been indexed, from where a reader goes on by scanning the topic.
 */
public final class AuditIndexKeys {

    /** The offset up to which (exclusive) this partition is indexed. */
    public static final String POSITION = "position";
    private static final String ENTRY = "entry\u0000";
    private static final String HIT = "hit\u0000";
    private static final String SEPARATOR = "\u0000";
    private static final String ZEROS = "0".repeat(19);

    private AuditIndexKeys() {
    }

    public static String entry(long offset) {
        return ENTRY + pad(offset);
    }

    public static String hit(String id, Instant time, long offset) {
        return HIT + id + SEPARATOR + pad(time.toEpochMilli()) + SEPARATOR + pad(offset);
    }

    /** The first key of {@code id}'s hits at or after {@code from}. */
    public static String hitsFrom(String id, Instant from) {
        return HIT + id + SEPARATOR + pad(Math.max(0, from.toEpochMilli()));
    }

    /** A key after {@code id}'s hits before {@code until} (null: after all of them); the millisecond of until itself is in. */
    public static String hitsUntil(String id, Instant until) {
        return until == null ? HIT + id + "\u0001" : HIT + id + SEPARATOR + pad(until.toEpochMilli() + 1);
    }

    /** The offset a hit points at. */
    public static long offsetOf(String hitKey) {
        return Long.parseLong(hitKey.substring(hitKey.lastIndexOf(SEPARATOR) + 1));
    }

    /** Ids are not indexed when they could collide with the keys' separators. */
    public static boolean indexable(String id) {
        return !id.isEmpty() && id.chars().noneMatch(c -> c < 0x20);
    }

    /** Nineteen digits, zero-padded, so keys sort as numbers; by hand, since String.format was a quarter of indexing an entry. */
    static String pad(long value) {
        if (value < 0) {
            return String.format("%019d", value);
        }
        String digits = Long.toString(value);
        return ZEROS.substring(digits.length()) + digits;
    }
}
