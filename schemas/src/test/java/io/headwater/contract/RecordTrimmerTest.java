package io.headwater.contract;

import io.headwater.avro.GraphNode;
import io.headwater.avro.NodeKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTrimmerTest {

    private static GraphNode node(String detail, Map<String, String> attributes) {
        return GraphNode.newBuilder().setId("run:r").setKind(NodeKind.RUN).setName("r").setFirstSeen(Instant.EPOCH).setLastSeen(Instant.EPOCH)
                .setAttributes(attributes).setDetailJson(detail).build();
    }

    @Test
    void aRecordThatFitsIsReturnedAsItIs() {
        GraphNode small = node("{}", Map.of("state", "COMPLETE"));
        assertThat(RecordTrimmer.fit(small, 10_000, 100, Set.of())).isSameAs(small);
    }

    @Test
    void longStringsAreCutWithTheMarkerUntilTheRecordFits() {
        GraphNode big = node("d".repeat(50_000), Map.of("state", "COMPLETE"));
        GraphNode fitted = RecordTrimmer.fit(big, 2_000, 1_000, Set.of("id"));
        assertThat(RecordTrimmer.size(fitted)).isLessThanOrEqualTo(2_000);
        assertThat(fitted.getDetailJson()).startsWith("ddd").contains("more characters");
        assertThat(RecordTrimmer.isTruncated(fitted.getDetailJson())).isTrue();
        assertThat(fitted.getId()).isEqualTo("run:r");
        assertThat(fitted.getAttributes()).containsEntry("state", "COMPLETE");
    }

    @Test
    void longMapsAreShortenedWhenCuttingStringsIsNotEnough() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            many.put("k" + i, "v" + i);
        }
        GraphNode fitted = RecordTrimmer.fit(node(null, many), 4_000, 100, Set.of());
        assertThat(RecordTrimmer.size(fitted)).isLessThanOrEqualTo(4_000);
        assertThat(fitted.getAttributes()).isNotEmpty().hasSizeLessThan(5_000);
    }
}
