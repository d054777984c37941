package io.headwater.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of bad inputs: each gets its status and a problem+json body that names the offending
 * field (by JSON pointer) or says what is wrong. None is a 2xx, none a 500.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "01a215d8-70a7-765b-8dea-eb0dc7184b78";

    /** A small valid RunEvent, mutated by each case. */
    private static ObjectNode valid() {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", "START").put("eventTime", "2026-11-26T03:14:12.618Z")
                .put("producer", "https://github.com/OpenLineage/OpenLineage/tree/1.53.0/integration/spark")
                .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        event.putObject("run").put("runId", RUN_ID);
        event.putObject("job").put("namespace", "spike").put("name", "job1");
        event.putArray("inputs").addObject().put("namespace", "file").put("name", "/in/orders.csv");
        event.putArray("outputs").addObject().put("namespace", "file").put("name", "/out/revenue");
        return event;
    }

    private static byte[] mutate(Consumer<ObjectNode> change) {
        ObjectNode event = valid();
        change.accept(event);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode facet() {
        return JSON.createObjectNode().put("_producer", "https://example.com/p").put("_schemaURL", "https://example.com/s.json");
    }

    private static Arguments json(String name, byte[] body, int status, String expected) {
        return Arguments.of(name, "application/json", body, status, expected);
    }

    private static Arguments json(String name, Consumer<ObjectNode> change, int status, String pointer) {
        return json(name, mutate(change), status, pointer);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deeplyNested() {
        return text("{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                json("truncated JSON", text("{\"eventTime\": "), 400, "not valid JSON"),
                json("empty body", new byte[0], 400, "empty"),
                json("invalid UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400, "UTF-8"),
                json("trailing garbage", text("{} {}"), 400, "not valid JSON"),
                json("JSON array on the single endpoint", text("[]"), 422, "JSON object"),
                json("JSON string", text("\"hello\""), 422, "JSON object"),
                json("deep nesting", deeplyNested(), 400, "nesting depth"),
                json("missing eventTime", e -> e.remove("eventTime"), 422, "/eventTime"),
                json("eventTime not a date", e -> e.put("eventTime", "yesterday"), 422, "/eventTime"),
                json("eventTime without offset", e -> e.put("eventTime", "2026-11-26T03:14:12"), 422, "/eventTime"),
                json("eventTime a number", e -> e.put("eventTime", 1700000000), 422, "/eventTime"),
                json("missing producer", e -> e.remove("producer"), 422, "/producer"),
                json("empty producer", e -> e.put("producer", ""), 422, "/producer"),
                json("producer a number", e -> e.put("producer", 7), 422, "/producer"),
                json("schemaURL a number", e -> e.put("schemaURL", 7), 422, "/schemaURL"),
                json("missing run", e -> e.remove("run"), 422, "/run"),
                json("missing runId", e -> ((ObjectNode) e.get("run")).remove("runId"), 422, "/run/runId"),
                json("runId not a UUID", e -> ((ObjectNode) e.get("run")).put("runId", "run-1"), 422, "/run/runId"),
                json("runId a number", e -> ((ObjectNode) e.get("run")).put("runId", 42), 422, "/run/runId"),
                json("missing job", e -> e.remove("job"), 422, "/job"),
                json("missing job namespace", e -> ((ObjectNode) e.get("job")).remove("namespace"), 422, "/job/namespace"),
                json("empty job name", e -> ((ObjectNode) e.get("job")).put("name", " "), 422, "/job/name"),
                json("unknown eventType", e -> e.put("eventType", "BEGIN"), 422, "/eventType"),
                json("eventType a number", e -> e.put("eventType", 1), 422, "/eventType"),
                json("inputs not an array", e -> e.putObject("inputs"), 422, "/inputs"),
                json("input without name", e -> ((ObjectNode) e.get("inputs").get(0)).remove("name"), 422, "/inputs/0/name"),
                json("output namespace a number", e -> ((ObjectNode) e.get("outputs").get(0)).put("namespace", 3), 422, "/outputs/0/namespace"),
                json("facet without _producer", e -> ((ObjectNode) e.get("run")).putObject("facets").set("x", facet().without("_producer")), 422,
                        "/run/facets/x/_producer"),
                json("facet without _schemaURL", e -> ((ObjectNode) e.get("job")).putObject("facets").set("x", facet().without("_schemaURL")), 422,
                        "/job/facets/x/_schemaURL"),
                json("facet not an object", e -> ((ObjectNode) e.get("run")).putObject("facets").put("x", "y"), 422, "/run/facets/x"),
                json("parent facet without run", e -> ((ObjectNode) e.get("run")).putObject("facets").set("parent",
                        facet().set("job", JSON.createObjectNode().put("namespace", "n").put("name", "p"))), 422, "/run/facets/parent/run/runId"),
                json("parent runId not a UUID", e -> {
                    ObjectNode parent = facet();
                    parent.putObject("run").put("runId", "nope");
                    parent.putObject("job").put("namespace", "n").put("name", "p");
                    ((ObjectNode) e.get("run")).putObject("facets").set("parent", parent);
                }, 422, "/run/facets/parent/run/runId"),
                json("schema facet of the wrong shape", e -> ((ObjectNode) e.get("inputs").get(0)).putObject("facets").set("schema",
                        JSON.createObjectNode().put("_producer", "https://example.com/p")
                                .put("_schemaURL", "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet")
                                .put("fields", "not-a-list")), 422, "/inputs/0/facets/schema/fields"),
                json("Headwater metric that is not a number", e -> {
                    ObjectNode metrics = facet();
                    ((ArrayNode) metrics.putArray("metrics")).addObject().put("name", "accuracy").put("value", "high");
                    ((ObjectNode) e.get("run")).putObject("facets").set("headwater_metrics", metrics);
                }, 422, "/run/facets/headwater_metrics/metrics/0/value"),
                json("eventTime past Avro's range (long overflow)", e -> e.put("eventTime", "+999999999-12-31T23:59:59Z"), 422, "/eventTime"),
                json("eventTime before the epoch", e -> e.put("eventTime", "1969-12-31T23:59:59Z"), 422, "/eventTime"),
                json("nominal time past the range", e -> ((ObjectNode) e.get("run")).putObject("facets").set("nominalTime",
                        facet().put("nominalStartTime", "+10000-01-01T00:00:00Z")), 422, "/run/facets/nominalTime/nominalStartTime"),
                json("nominal time not a date", e -> ((ObjectNode) e.get("run")).putObject("facets").set("nominalTime",
                        facet().put("nominalStartTime", "soon")), 422, "/run/facets/nominalTime/nominalStartTime"),
                json("DatasetEvent without dataset", e -> {
                    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent");
                    e.remove("run");
                    e.remove("job");
                }, 422, "/dataset"),
                json("JobEvent without job", e -> {
                    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent");
                    e.remove("run");
                    e.remove("job");
                }, 422, "/job"),
                Arguments.of("wrong content type", "text/plain", mutate(e -> { }), 415, "application/json"),
                json("oversize body", mutate(e -> e.put("padding", "x".repeat(6 * 1024 * 1024))), 413, "max-event-bytes"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badInputs")
    void isRefusedWithAReason(String name, String contentType, byte[] body, int status, String expected) {
        Response response = given().contentType(contentType).body(body).post("/api/v1/lineage");
        assertThat(response.statusCode()).as(name + ": " + response.body().asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String detail = response.jsonPath().getString("detail");
        List<String> pointers = response.jsonPath().getList("errors.pointer");
        if (expected.startsWith("/")) {
            assertThat(pointers).as(name + ": " + response.body().asString()).contains(expected);
        } else {
            assertThat(detail).as(name).containsIgnoringCase(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void theTableHasAtLeastThirtyCases() {
        assertThat(badInputs().count()).isGreaterThanOrEqualTo(30);
    }
}
