package io.headwater.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.LineageEvent;
import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2xx means Kafka has the event. With the broker stopped, ingest answers 503 with Retry-After
 * (after a bounded wait), never a 2xx; after the broker is back, every event that was acknowledged,
 * before or after the outage, is in the topic.
 */
class IngestDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.ingestOnly();

    @Test
    void noAcknowledgedEventIsLostAcrossABrokerOutage() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Http.Response response = post(freshEvent());
            assertThat(response.status()).isEqualTo(201);
            acknowledged.add(response.headers().firstValue("X-Headwater-Event-Id").orElseThrow());
        }

        PLATFORM.platform().stopKafka();
        List<Integer> during = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long began = System.nanoTime();
            Http.Response response = post(freshEvent());
            long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
            during.add(response.status());
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(seconds).as("bounded wait").isLessThan(15);
        }
        assertThat(during).allMatch(status -> status == 503);

        PLATFORM.platform().startKafka();
        // Ingest's producer reconnects on its own; the first requests after the restart may still wait on metadata.
        int accepted = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (accepted < 20 && System.nanoTime() < deadline) {
            Http.Response response = post(freshEvent());
            assertThat(response.status()).isIn(201, 503);
            if (response.status() == 201) {
                acknowledged.add(response.headers().firstValue("X-Headwater-Event-Id").orElseThrow());
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(20);

        Set<String> stored = new HashSet<>();
        TopicReader.avro(PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(), Topics.LINEAGE.name(), LineageEvent.class, read -> {
            read.forEach(r -> stored.add(r.value().getEventId()));
            return stored.containsAll(acknowledged);
        }, Duration.ofSeconds(30));
        assertThat(stored).containsAll(acknowledged);
        assertThat(acknowledged).hasSize(40);
    }

    private static String freshEvent() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.read("spark-captured", "0002-job1-sql-START.json"));
        ((ObjectNode) event.get("run")).put("runId", UUID.randomUUID().toString());
        return event.toString();
    }

    private static Http.Response post(String body) {
        return PLATFORM.ingest("/api/v1/lineage", body);
    }
}
