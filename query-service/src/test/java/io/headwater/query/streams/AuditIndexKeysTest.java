package io.headwater.query.streams;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIndexKeysTest {

    @Test
    void paddingIsNineteenDigitsAsStringFormatWritesThemForEveryMagnitude() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 999_999L, 1_764_000_000_000L, Long.MAX_VALUE, -1L, -42L, Long.MIN_VALUE + 1));
        LongStream.iterate(1, v -> v > 0 && v < Long.MAX_VALUE / 10, v -> v * 10).forEach(v -> {
            values.add(v);
            values.add(v - 1);
        });
        new Random(3).longs(2_000).forEach(values::add);
        for (long value : values) {
            assertThat(AuditIndexKeys.pad(value)).as("%d", value).isEqualTo(String.format("%019d", value));
        }
    }

    @Test
    void hitKeysSortByTimeThenOffset() {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        List<String> keys = new ArrayList<>(List.of(AuditIndexKeys.hit("run:a", t.plusMillis(1), 5), AuditIndexKeys.hit("run:a", t, 100),
                AuditIndexKeys.hit("run:a", t, 7), AuditIndexKeys.hit("run:a", t.plusSeconds(3600), 0)));
        List<String> sorted = new ArrayList<>(keys);
        java.util.Collections.sort(sorted);
        assertThat(sorted).containsExactly(keys.get(2), keys.get(1), keys.get(0), keys.get(3));
        assertThat(AuditIndexKeys.offsetOf(keys.get(1))).isEqualTo(100);
        assertThat(AuditIndexKeys.hitsFrom("run:a", t)).isLessThanOrEqualTo(keys.get(2));
        assertThat(AuditIndexKeys.hitsUntil("run:a", t)).isGreaterThan(keys.get(1)).isLessThan(keys.get(0));
    }
}
