package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.Decision;
import io.headwater.contract.Topics;
import io.headwater.kafka.registry.SchemaRegistryClient;
import io.headwater.kafka.serde.AvroSerializer;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison inputs on the real platform: records that once stopped the graph for good (a run event and a
 * decision over a megabyte, an event Avro cannot encode on the transport topic, a tombstone) are refused
 * or dead-lettered with a reason, and a good event sent after each is queryable within seconds.
 */
class PoisonInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(30);
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    @Test
    void aRunEventOverAMegabyteIsStoredAndTheGraphGoesOn() throws Exception {
        String runId = UUID.randomUUID().toString();
        String huge = "x".repeat(1_200_000);
        String facets = "{\"bigFacet\":{\"_producer\":\"https://example.com/p\",\"_schemaURL\":\"https://example.com/big.json\",\"blob\":\"" + huge + "\"}}";
        assertThat(PLATFORM.ingest("/api/v1/lineage", runEvent(runId, "START", "2026-11-26T10:00:00Z", "poison_job", facets)).status()).isEqualTo(201);
        assertThat(PLATFORM.ingest("/api/v1/lineage", runEvent(runId, "COMPLETE", "2026-11-26T10:05:00Z", "poison_job", facets)).status()).isEqualTo(201);

        // The huge run itself is in the graph, its other facts intact.
        awaitJob("poison_job");
        // And a good event after it is answered within seconds.
        String good = UUID.randomUUID().toString();
        assertThat(PLATFORM.ingest("/api/v1/lineage", runEvent(good, "COMPLETE", "2026-11-26T10:06:00Z", "after_poison_job", "{}")).status()).isEqualTo(201);
        awaitJob("after_poison_job");
        // The raw event, huge facet and all, is kept verbatim on the lineage topic.
        List<ConsumerRecord<String, io.headwater.avro.LineageEvent>> raw = TopicReader.avro(PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(),
                Topics.LINEAGE.name(), io.headwater.avro.LineageEvent.class,
                read -> read.stream().anyMatch(r -> r.value().getRawJson().contains(huge)), SOON);
        assertThat(raw).anyMatch(r -> r.value().getRawJson().contains(huge));
    }

    @Test
    void aDecisionOverAMegabyteIsRefusedNamingItsSize() throws Exception {
        String decision = "{\"decisionId\":\"poison-d\",\"modelName\":\"m\",\"modelVersion\":\"1\",\"decisionTime\":\"2026-11-26T10:15:00Z\","
                + "\"output\":{\"blob\":\"" + "y".repeat(1_200_000) + "\"}}";
        Http.Response response = PLATFORM.ingest("/api/v1/decisions", decision);
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("headwater.ingest.max-decision-bytes");
    }

    @Test
    void aDecisionOverAMegabyteWrittenStraightToKafkaIsLinkedAndSoIsTheNext() throws Exception {
        // Bypassing ingest: the topology takes what the topic takes (8 MiB), from changelog to linked output.
        Decision big = decision("poison-direct", "z".repeat(1_200_000));
        Decision good = decision("good-after-direct", "{\"ok\":true}");
        try (KafkaProducer<String, Decision> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), big.getDecisionId(), big)).get();
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), good.getDecisionId(), good)).get();
        }
        List<ConsumerRecord<String, io.headwater.avro.LinkedDecision>> linked = TopicReader.avro(PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(),
                Topics.DECISIONS_LINKED.name(), io.headwater.avro.LinkedDecision.class,
                read -> read.stream().anyMatch(r -> r.key().equals("good-after-direct")), SOON);
        assertThat(linked).anyMatch(r -> r.key().equals("poison-direct"));
        assertThat(linked).anyMatch(r -> r.key().equals("good-after-direct"));
        // And query-service's replica went on too: the next decision is answered.
        await().atMost(SOON).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/decisions/good-after-direct").status()).isEqualTo(200));
    }

    @Test
    void aRecordTheTopologyCannotReadIsDeadLetteredAndTheNextIsLinked() throws Exception {
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), "not-avro", "{\"decisionId\":\"not-avro\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        Decision good = decision("good-after-garbage", "{\"ok\":true}");
        try (KafkaProducer<String, Decision> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), good.getDecisionId(), good)).get();
        }
        List<ConsumerRecord<String, io.headwater.avro.LinkedDecision>> linked = TopicReader.avro(PLATFORM.platform().kafka.bootstrapServers(), PLATFORM.platform().registry.url(),
                Topics.DECISIONS_LINKED.name(), io.headwater.avro.LinkedDecision.class,
                read -> read.stream().anyMatch(r -> r.key().equals("good-after-garbage")), SOON);
        assertThat(linked).anyMatch(r -> r.key().equals("good-after-garbage"));
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(r -> "not-avro".equals(r.key()));
        assertThat(letters).anySatisfy(r -> {
            assertThat(header(r, "headwater.stage")).isEqualTo("headwater-lineage-streams:deserialization");
            assertThat(header(r, "headwater.reason")).isNotBlank();
            assertThat(header(r, "headwater.source.topic")).isEqualTo(Topics.DECISIONS.name());
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("not-avro");
        });
    }

    @Test
    void anUnencodableEventOnTheTransportTopicIsDeadLetteredAndTheNextIsStored() throws Exception {
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.OPENLINEAGE_IN.name(), bad,
                    runEvent(bad, "START", "+999999999-12-31T23:59:59Z", "unencodable_job", "{}").getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.OPENLINEAGE_IN.name(), "tomb", null)).get();
            producer.send(new ProducerRecord<>(Topics.OPENLINEAGE_IN.name(), good,
                    runEvent(good, "COMPLETE", "2026-11-26T10:07:00Z", "after_unencodable_job", "{}").getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitJob("after_unencodable_job");
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(r -> bad.equals(r.key()) || "tomb".equals(r.key()));
        assertThat(letters).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(bad);
            assertThat(header(r, "headwater.reason")).contains("/eventTime");
        });
        assertThat(letters).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("tomb");
            assertThat(header(r, "headwater.reason")).contains("tombstone");
        });
    }

    @Test
    void anUnencodableEventOverHttpIsA422NamingEventTime() throws Exception {
        String runId = UUID.randomUUID().toString();
        Http.Response single = PLATFORM.ingest("/api/v1/lineage", runEvent(runId, "START", "+999999999-12-31T23:59:59Z", "j", "{}"));
        assertThat(single.status()).as(single.body()).isEqualTo(422);
        assertThat(single.json().at("/errors/0/pointer").asText()).isEqualTo("/eventTime");
        Http.Response batch = PLATFORM.ingest("/api/v1/lineage/batch", "[" + runEvent(runId, "START", "+999999999-12-31T23:59:59Z", "j", "{}") + "]");
        JsonNode result = batch.json().at("/results/0");
        assertThat(result.get("status").asText()).as(batch.body()).isEqualTo("rejected");
        assertThat(result.toString()).contains("/0/eventTime");
    }

    private static Decision decision(String id, String output) {
        return Decision.newBuilder().setDecisionId(id).setModelName("poison-model").setModelVersion("1")
                .setDecisionTime(Instant.parse("2026-11-26T10:15:00Z")).setOutputJson(output).setReceivedAt(Instant.now()).build();
    }

    private static void awaitJob(String name) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response response = PLATFORM.http().get(PLATFORM.platform().query.url() + "/api/v1/lineage?nodeId="
                    + URLEncoder.encode("job:poison:" + name, StandardCharsets.UTF_8) + "&depth=1");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        });
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return TopicReader.raw(PLATFORM.platform().kafka.bootstrapServers(), Topics.DEAD_LETTER.name(),
                read -> read.stream().anyMatch(wanted), SOON).stream().filter(wanted).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String runEvent(String runId, String type, String time, String job, String runFacets) {
        return """
                {"eventType":"%s","eventTime":"%s","producer":"https://example.com/poison",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"%s","facets":%s},"job":{"namespace":"poison","name":"%s"},
                 "inputs":[{"namespace":"file","name":"/in/%s"}],"outputs":[{"namespace":"file","name":"/out/%s"}]}"""
                .formatted(type, time, runId, runFacets, job, job, job);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.platform().kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaProducer<String, Decision> avroProducer() {
        AvroSerializer<Decision> serializer = new AvroSerializer<>(new SchemaRegistryClient(PLATFORM.platform().registry.url()));
        serializer.configure(Map.of(), false);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PLATFORM.platform().kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), serializer);
    }

}
