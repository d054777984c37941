package io.headwater.ingest;

import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.RunState;
import io.headwater.contract.Topics;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.KafkaAndRegistryTestResource;
import io.headwater.testkit.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** POST /api/v1/lineage against a real broker and registry: what is acknowledged is in Kafka, as Avro. */
@QuarkusTest
@QuarkusTestResource(KafkaAndRegistryTestResource.class)
class LineageEndpointTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "headwater.schema-registry.url")
    String registryUrl;

    @Test
    void aRealSparkStartAndCompleteLandInKafkaAsAvro() {
        byte[] start = Fixtures.read("spark-captured", "0002-job1-sql-START.json");
        byte[] complete = Fixtures.read("spark-captured", "0008-job1-sql-COMPLETE.json");
        String startId = post(start);
        String completeId = post(complete);
        assertThat(startId).isNotEqualTo(completeId);

        Map<String, ConsumerRecord<String, LineageEvent>> byId = readLineage(2);
        LineageEvent event = byId.get(startId).value();
        assertThat(event.getKind()).isEqualTo(LineageEventKind.RUN);
        assertThat(event.getEventType()).isEqualTo(RunState.START);
        assertThat(event.getRun().getRunId()).isEqualTo("01a215d8-b242-752e-8681-58dc1af79577");
        assertThat(event.getJob().getName()).isEqualTo("spike_job1.adaptive_spark_plan.out_revenue_by_country");
        assertThat(event.getInputs()).extracting(d -> d.getName())
                .containsExactly("/srv/spark-demo/data/in/orders.csv", "/srv/spark-demo/data/in/customers.csv");
        assertThat(event.getOutputs().get(0).getName()).isEqualTo("/srv/spark-demo/data/out/revenue_by_country");
        assertThat(event.getOutputs().get(0).getColumnLineage()).extracting(c -> c.getField())
                .contains("country", "total_amount", "order_count", "customers");
        // Nothing lost: the raw event is kept byte for byte, unknown facets included.
        assertThat(event.getRawJson()).isEqualTo(new String(start, StandardCharsets.UTF_8));
        assertThat(event.getRawJson()).contains("spark_applicationDetails");
        // Keyed by the run itself (not its Spark application, the root run), as lineage-streams folds it: no re-key.
        assertThat(byId.get(startId).key()).isEqualTo("01a215d8-b242-752e-8681-58dc1af79577");
        assertThat(byId.get(completeId).key()).isEqualTo("01a215d8-b242-752e-8681-58dc1af79577");
        assertThat(byId.get(completeId).value().getEventType()).isEqualTo(RunState.COMPLETE);
    }

    @Test
    void theSameEventTwiceGetsTheSameEventId() {
        byte[] app = Fixtures.read("spark-captured", "0001-job1-app-START.json");
        assertThat(post(app)).isEqualTo(post(app));
    }

    @Test
    void malformedJsonIsA400ProblemNotA500() {
        given().contentType("application/json").body("{\"eventTime\": ")
                .post("/api/v1/lineage")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Malformed request body"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aSpecViolationIsA422NamingTheField() {
        String noRunId = new String(Fixtures.read("spark-captured", "0001-job1-app-START.json"), StandardCharsets.UTF_8)
                .replace("\"runId\":\"01a215d8-70a7-765b-8dea-eb0dc7184b78\"", "\"runId\":\"not-a-uuid\"");
        given().contentType("application/json").body(noRunId)
                .post("/api/v1/lineage")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/run/runId"))
                .body("errors.detail", hasItem(containsString("UUID")));
    }

    @Test
    void theTemplatedDbtEventsAreRejectedWithAReason() {
        given().contentType("application/json").body(Fixtures.read("dbt", "dbt-run-model-orders-FAIL.json"))
                .post("/api/v1/lineage")
                .then().statusCode(422)
                .body("errors.pointer", hasItem("/producer"))
                .body("errors.pointer", hasItem("/run/runId"));
    }

    private static String post(byte[] body) {
        return given().contentType("application/json; charset=UTF-8").body(body)
                .post("/api/v1/lineage")
                .then().statusCode(201).header("X-Headwater-Event-Id", notNullValue())
                .extract().header("X-Headwater-Event-Id");
    }

    @Test
    void credentialsAreTakenOutBeforeTheEventIsStoredAndTheSenderIsRecorded() {
        String token = "ghp_" + "7".repeat(36);
        String s3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        // A run of its own, so that no other test's copy of the fixture shares its event id.
        String event = new String(Fixtures.read("spark-captured", "0002-job1-sql-START.json"), StandardCharsets.UTF_8)
                .replace("01a215d8-b242-752e-8681-58dc1af79577", java.util.UUID.randomUUID().toString());
        String planted = event.substring(0, event.lastIndexOf('}')) + ",\"x_deployment\":{\"repo\":\"https://deploy:" + token
                + "@github.com/acme/etl.git\",\"spark.hadoop.fs.s3a.secret.key\":\"" + s3Secret + "\"}}";
        String id = post(planted.getBytes(StandardCharsets.UTF_8));
        LineageEvent stored = readLineage(1, id).values().stream().filter(r -> r.value().getEventId().equals(id)).findFirst().orElseThrow().value();
        assertThat(stored.getRawJson()).doesNotContain(token).doesNotContain(s3Secret)
                .contains("https://***@github.com/acme/etl.git").contains("***redacted***");
        assertThat(stored.toString()).doesNotContain(token).doesNotContain(s3Secret);
        assertThat(stored.getSentBy()).as("open mode's local user sent it").isEqualTo(io.headwater.security.Principals.OPEN_MODE_USER);
    }

    @Test
    void inOpenModeOnlyLoopbackHostNamesAreAnsweredAgainstDnsRebinding() {
        byte[] event = Fixtures.read("spark-captured", "0002-job1-sql-START.json");
        given().header("Host", "rebinding.attacker.example").contentType("application/json").body(event).post("/api/v1/lineage")
                .then().statusCode(421).body("title", equalTo("Misdirected request"));
        given().header("Host", "rebinding.attacker.example").get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anEventFromTheFutureIsRefusedNamingItsTime() {
        String event = new String(Fixtures.read("spark-captured", "0002-job1-sql-START.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"eventTime\"\\s*:\\s*\"[^\"]+\"", "\"eventTime\":\"" + java.time.Instant.now().plus(Duration.ofDays(2)) + "\"");
        given().contentType("application/json").body(event).post("/api/v1/lineage").then().statusCode(422)
                .body("errors.pointer", hasItem("/eventTime")).body("errors.detail", hasItem(containsString("headwater.ingest.max-clock-skew")));
    }

    private Map<String, ConsumerRecord<String, LineageEvent>> readLineage(int atLeast) {
        return readLineage(atLeast, null);
    }

    /** At least {@code atLeast} events by id, and the one with id {@code until} if given. */
    private Map<String, ConsumerRecord<String, LineageEvent>> readLineage(int atLeast, String until) {
        Map<String, ConsumerRecord<String, LineageEvent>> byId = new HashMap<>();
        TopicReader.avro(bootstrap, registryUrl, Topics.LINEAGE.name(), LineageEvent.class, read -> {
            read.forEach(r -> byId.put(r.value().getEventId(), r));
            return byId.size() >= atLeast && (until == null || byId.containsKey(until));
        }, Duration.ofSeconds(30));
        return byId;
    }
}
