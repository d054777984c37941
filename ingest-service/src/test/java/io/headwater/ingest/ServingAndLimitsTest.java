package io.headwater.ingest;

import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that once got a 500 or exhausted the heap: each is now a problem+json 4xx naming what is wrong,
 * or (too much at once) a 503 with Retry-After, and the service answers normally afterwards.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class ServingAndLimitsTest {

    private static final String EVENT = """
            {"eventType":"START","eventTime":"2026-11-26T03:14:12.618Z","producer":"https://example.com/p",
             "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run":{"runId":"01a215d8-70a7-765b-8dea-eb0dc7184b78","facets":%s},"job":{"namespace":"limits","name":"j"}}""";

    @Test
    void monitoringFeaturesThatAreNotAListAreA422NamingThem() {
        String window = """
                {"modelName":"m","modelVersion":"1","windowStart":"2026-11-26T10:00:00Z","windowEnd":"2026-11-26T11:00:00Z",
                 "sampleCount":10,"features":{"k":[1]}}""";
        Response response = given().contentType("application/json").body(window).post("/api/v1/monitoring");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.pointer", String.class)).anyMatch(p -> p.startsWith("/features"));
    }

    @Test
    void anOverLongUrlIsA414Problem() {
        Response response = given().contentType("application/json").body(EVENT.formatted("{}")).post("/api/v1/lineage?x=" + "y".repeat(20_000));
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(414);
    }

    @Test
    void aBlankDecisionIdIsA422NamingIt() {
        String decision = "{\"decisionId\":\" \",\"modelName\":\"m\",\"modelVersion\":\"1\",\"decisionTime\":\"2026-11-26T10:15:00Z\",\"output\":1}";
        Response response = given().contentType("application/json").body(decision).post("/api/v1/decisions");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(422);
        assertThat(response.jsonPath().getList("errors.pointer", String.class)).contains("/decisionId");
    }

    @Test
    void aFacetWhoseSchemaUrlNamesNoDefinitionIsKeptUnvalidated() {
        String facets = "{\"sql\":{\"_producer\":\"https://example.com/p\",\"_schemaURL\":"
                + "\"https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/Nope\",\"query\":\"select 1\"}}";
        Response response = given().contentType("application/json").body(EVENT.formatted(facets)).post("/api/v1/lineage");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
    }

    @Test
    void aDecisionLargerThanTheDecisionLimitIsA413NamingItAndTheLimit() {
        String decisions = "[{\"decisionId\":\"ok\",\"modelName\":\"m\",\"modelVersion\":\"1\",\"decisionTime\":\"2026-11-26T10:15:00Z\",\"output\":1},"
                + "{\"decisionId\":\"big\",\"modelName\":\"m\",\"modelVersion\":\"1\",\"decisionTime\":\"2026-11-26T10:15:00Z\",\"output\":\""
                + "y".repeat(300_000) + "\"}]";
        Response response = given().contentType("application/json").body(decisions).post("/api/v1/decisions");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("headwater.ingest.max-decision-bytes");
        assertThat(response.jsonPath().getList("errors.pointer", String.class)).containsExactly("/1");
    }

    @Test
    void aGzipBombStopsAtTheBatchLimitWithA413() throws Exception {
        // 64 MiB of spaces inside an array, about 64 KiB once compressed: reading stops at the limit.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write('[');
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                gzip.write(spaces);
            }
            gzip.write(']');
        }
        Response response = given().contentType("application/json").header("Content-Encoding", "gzip").body(compressed.toByteArray())
                .post("/api/v1/lineage/batch");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("headwater.ingest.max-batch-bytes");
        assertStillServing();
    }

    @Test
    void concurrentLargeBatchesFitTheHeapOrAreToldToRetry() throws Exception {
        // Six 15 MiB batches at once against a 96 MiB budget (tests): one fits at a time, the others wait briefly or get 503.
        StringBuilder batch = new StringBuilder("[");
        String padding = "p".repeat(256 * 1024);
        while (batch.length() < 15 * 1024 * 1024) {
            batch.append(batch.length() > 1 ? "," : "").append(EVENT.formatted("{\"pad\":{\"_producer\":\"https://example.com/p\","
                    + "\"_schemaURL\":\"https://example.com/pad.json\",\"v\":\"" + padding + "\"}}"));
        }
        byte[] body = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> given().contentType("application/json").body(body).post("/api/v1/lineage/batch")));
        }
        int stored = 0;
        for (CompletableFuture<Response> request : requests) {
            Response response = request.get();
            stored += response.statusCode() == 201 ? 1 : 0;
            assertThat(response.statusCode()).as(response.body().asString()).isIn(201, 503);
            if (response.statusCode() == 503) {
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(stored).as("at least the first batch fits the budget").isGreaterThanOrEqualTo(1);
        assertStillServing();
    }

    private static void assertStillServing() {
        Response response = given().contentType("application/json").body(EVENT.formatted("{}")).post("/api/v1/lineage");
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
    }
}
