package io.headwater.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.ingest.metrics.IngestMetrics;
import io.headwater.ingest.validation.SchemaCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled warm-up event goes through the whole request path but the send, again and again, within its budget. */
class JitWarmUpTest {

    @Test
    void theRealSparkEventPassesEveryStepRepeatedlyAndNothingIsSent() {
        ObjectMapper mapper = new ObjectMapper();
        // No publisher: the warm-up never sends, so a send would fail here and end the warm-up at once.
        LineageIngestService lineage = new LineageIngestService(mapper, new SchemaCatalog(), null, new IngestMetrics(new SimpleMeterRegistry()),
                Duration.ofMinutes(5));
        JitWarmUp warmUp = new JitWarmUp(lineage, mapper, Duration.ofSeconds(1));
        long began = System.nanoTime();
        int events = warmUp.run(Duration.ofMillis(700));
        long took = (System.nanoTime() - began) / 1_000_000;
        assertThat(events).as("events through the path in 700 ms").isGreaterThan(20);
        assertThat(took).as("stops at its budget").isLessThan(5_000);
    }
}
