package io.headwater.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keys of compacted topics whose records a reader scans by range, newest or oldest first: the parts that group them
 * (a model and an endpoint for deployments, a model version for drift windows), then a time in epoch micros padded to
 * 20 digits, joined by U+001F, so that string order is time order within a group. The writer and every reader build
 * and scan them here.
 */
public final class TimeOrderedKeys {

    private static final char SEP = '\u001f';

    private TimeOrderedKeys() {
    }

    public static String key(Instant time, String... group) {
        return prefix(group) + String.format("%020d", ChronoUnit.MICROS.between(Instant.EPOCH, time));
    }

    /** Every key of the group starts with this. */
    public static String prefix(String... group) {
        return String.join(String.valueOf(SEP), group) + SEP;
    }

    /** Just past every key of the group, for a range scan. */
    public static String end(String... group) {
        return String.join(String.valueOf(SEP), group) + (char) (SEP + 1);
    }
}
