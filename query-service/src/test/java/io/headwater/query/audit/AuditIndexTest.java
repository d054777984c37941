package io.headwater.query.audit;

import io.headwater.contract.Topics;
import io.headwater.contract.access.AuditEntry;
import io.headwater.query.streams.AuditIndexer;
import io.headwater.query.streams.TopologyProducer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit index finds every entry a scan of the topic would, by id, in a time range, newest first when paged. */
class AuditIndexTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> audit;
    private KeyValueStore<String, String> index;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TopologyProducer.AUDIT_INDEX_STORE), Serdes.String(), Serdes.String()));
        builder.stream(Topics.AUDIT.name(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new AuditIndexer(TopologyProducer.AUDIT_INDEX_STORE), TopologyProducer.AUDIT_INDEX_STORE);
        driver = new TopologyTestDriver(builder.build());
        audit = driver.createInputTopic(Topics.AUDIT.name(), new StringSerializer(), new StringSerializer());
        index = driver.getKeyValueStore(TopologyProducer.AUDIT_INDEX_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void read(String principal, int minutes, String path, Map<String, List<String>> query) {
        audit.pipeInput(principal, new AuditEntry(T.plusSeconds(60L * minutes), "headwater-query-service", principal, "GET", path, query, 200, 10, 1.0, null).toJson());
    }

    private List<String> found(AuditLog.Query query, int newest) {
        return AuditIndex.hitsOf(index, 0, new AuditIndex.HitsQuery(query, newest)).entries().stream()
                .map(AuditEntry::fromJson).map(e -> e.principal() + "@" + (e.time().getEpochSecond() - T.getEpochSecond()) / 60).toList();
    }

    @Test
    void findsEveryReadOfAnIdInThePathOrTheQueryOldestFirst() {
        read("k1", 0, "/api/v1/decisions/d-1", Map.of());
        read("k2", 1, "/api/v1/decisions/d-2/report", Map.of());
        read("k3", 2, "/api/v1/decisions/d-1%3Ax/report", Map.of());
        read("k4", 3, "/api/v1/impact", Map.of("nodeId", List.of("d-1")));
        audit.pipeInput("k5", "not json");
        read("k6", 5, "/api/v1/decisions/d-1", Map.of());

        assertThat(found(new AuditLog.Query(null, "d-1", null, null), 0)).containsExactly("k1@0", "k4@3", "k6@5");
        assertThat(found(new AuditLog.Query(null, "d-1:x", null, null), 0)).as("decoded as the scan decodes it").containsExactly("k3@2");
        assertThat(found(new AuditLog.Query(null, "d-", null, null), 0)).as("exact ids, not prefixes").isEmpty();
        assertThat(AuditIndex.hitsOf(index, 0, new AuditIndex.HitsQuery(new AuditLog.Query(null, "d-1", null, null), 0)).indexedTo())
                .as("indexed past the unreadable record too").isEqualTo(6);
    }

    @Test
    void aTimeRangeAPrincipalAndAPageOfTheNewestNarrowIt() {
        for (int minute = 0; minute < 10; minute++) {
            read(minute % 2 == 0 ? "even" : "odd", minute, "/api/v1/decisions/d-9", Map.of());
        }
        AuditLog.Query all = new AuditLog.Query(null, "d-9", null, null);
        assertThat(found(all, 3)).as("the newest three, oldest first").containsExactly("odd@7", "even@8", "odd@9");
        assertThat(found(new AuditLog.Query(null, "d-9", T.plusSeconds(120), T.plusSeconds(300)), 0))
                .as("since inclusive, until exclusive").containsExactly("even@2", "odd@3", "even@4");
        assertThat(found(new AuditLog.Query("odd", "d-9", null, null), 2)).containsExactly("odd@7", "odd@9");
    }
}
