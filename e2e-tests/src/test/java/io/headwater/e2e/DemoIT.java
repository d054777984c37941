package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.demo.Demo;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./headwater demo}'s story against a fresh platform: the fixtures, a training run through
 * the emitter, 10,000 decisions through the Java decisions client, drifting windows; the printed
 * provenance and alert are what the platform answers.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    @Test
    void theDemoTellsTheWholeStory() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path root = Path.of(System.getProperty("headwater.home", "..")).toAbsolutePath().normalize();
        String decision = Demo.run(PLATFORM.platform().ingest.url(), PLATFORM.platform().query.url(), root, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(out);

        assertThat(out).contains("23 events accepted", "10000 decisions acknowledged by Kafka", "8 windows sent");
        assertThat(out).containsPattern("training data: +dataset:file:/srv/spark-demo/data/out/top_countries#01a215d9-621d-7ff9-a94f-918dbef73407");
        assertThat(out).contains("← job:spike:spike_job1.adaptive_spark_plan.out_revenue_by_country", "← job:airflow:BQ.download");
        assertThat(out).containsPattern("Model churn version \\S+ \\(\\d+ alerts?, trained by run:\\S+\\)").containsPattern("OPEN +ALERT +psi +tenure +[0-9.]+ +0.200");
        assertThat(out).contains(PLATFORM.platform().query.url() + "/api/v1/decisions/" + decision + "/provenance");
        // The retraining differs from the first run, and the comparison it prints says how.
        assertThat(out).contains("5. Retraining on the drift").containsPattern("≠ +parameters +learning_rate +0.5 +0.2")
                .containsPattern("≠ +parameters +epochs +8 +12").containsPattern("≠ +metrics +auc ")
                .containsPattern("\\d+ differences \\(≠\\)").contains(PLATFORM.platform().query.url() + "/ui/compare?runs=");

        // What it printed is what the platform answers.
        JsonNode answer = PLATFORM.query("/api/v1/decisions/" + decision + "/provenance").expect(200).json();
        assertThat(answer.at("/modelVersion/decisionCount").asLong()).isEqualTo(10_000);
        assertThat(out).contains("trained by " + answer.at("/trainingRun/id").asText());
        // The timeline holds: the decision came after its model was trained, so asking as of its time finds that model.
        Instant decided = Instant.parse(answer.at("/decision/decisionTime").asText());
        assertThat(decided).isAfterOrEqualTo(Instant.parse(answer.at("/trainingRun/endTime").asText()));
        JsonNode then = PLATFORM.query("/api/v1/decisions/" + decision + "/provenance?asOf=" + io.headwater.testkit.Http.encode(decided.toString()))
                .expect(200).json();
        assertThat(then.at("/modelVersion/version").asText()).isEqualTo(answer.at("/modelVersion/version").asText());
        assertThat(then.at("/trainingRun/id").asText()).isEqualTo(answer.at("/trainingRun/id").asText());

        // The same story in a browser: every page type on the demo's data, and two runs of the training job to compare.
        String version = answer.at("/modelVersion/version").asText();
        List<String> compared = new ArrayList<>();
        for (String rate : List.of("0.05", "0.1")) {
            String run = UUID.randomUUID().toString();
            compared.add(run);
            Instant start = Instant.now().minusSeconds(600);
            PLATFORM.ingest("/api/v1/lineage", RunEvents.run("START", run, start).job("ml", "churn-train").json()).expect(201);
            RunEvents complete = RunEvents.run("COMPLETE", run, start.plusSeconds(300)).job("ml", "churn-train")
                    .parameter("learning_rate", Double.parseDouble(rate)).parameter("epochs", 5)
                    .gitSource("https://github.com/acme/churn", "train/train.py", rate.equals("0.1") ? "9e8d7c6b" : "3f9a1c2b", "main");
            for (int step = 1; step <= 5; step++) {
                complete.metric("auc", 0.6 + step * (rate.equals("0.1") ? 0.05 : 0.04), (long) step);
            }
            PLATFORM.ingest("/api/v1/lineage", complete.json()).expect(201);
        }
        for (String run : compared) {
            PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/runs/" + run), r -> "COMPLETE".equals(r.path("state").asText()), Duration.ofSeconds(60));
        }
        theCliAnswersOnTheDemosData(decision, answer, compared);
        // Static lineage no run has shown yet: the job's page draws its edges apart (dashed).
        String declaredJob = io.headwater.contract.graph.NodeId.job("payments", "daily_payments_rollup").value();
        PLATFORM.ingest("/api/v1/lineage", java.nio.file.Files.readString(io.headwater.testkit.Fixtures.dir("composed")
                .resolve("static-daily_payments-JOB.json"))).expect(201);
        PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/lineage?nodeId=" + io.headwater.testkit.Http.encode(declaredJob)),
                l -> l.toString().contains("\"declared\":true"), Duration.ofSeconds(60));
        BrowserSuite.run(Map.of("HEADWATER_QUERY_URL", PLATFORM.platform().query.url(), "HEADWATER_UI_MODE", "story",
                "HEADWATER_UI_DATA", JSON.writeValueAsString(Map.of("decision", decision, "compare", compared, "model", "churn", "version", version,
                        "declaredJob", declaredJob))));
    }

    /** ./headwater provenance|lineage|runs compare|impact|models|alerts on the demo's data print what the platform answers. */
    private void theCliAnswersOnTheDemosData(String decision, JsonNode provenance, List<String> compared) throws Exception {
        String query = PLATFORM.platform().query.url();
        String tree = cli(0, "provenance", decision, "--url", query);
        assertThat(tree).contains("Decision " + decision, "trained by " + provenance.at("/trainingRun/id").asText(),
                "← job:spike:spike_job1.adaptive_spark_plan.out_revenue_by_country", "← job:airflow:BQ.download");
        assertThat(tree).containsPattern("training data: +dataset:file:/srv/spark-demo/data/out/top_countries#");
        assertThat(JSON.readTree(cli(0, "provenance", decision, "--url", query, "--json")).at("/decision/decisionId").asText()).isEqualTo(decision);

        String table = cli(0, "runs", "compare", compared.get(0), "run:" + compared.get(1), "--url", query);
        assertThat(table).containsPattern("≠ +parameters +learning_rate +0.05 +0.1");
        assertThat(table).containsPattern("≠ +code +\\S*commit\\S* +3f9a1c2b +9e8d7c6b");
        assertThat(table).containsPattern("(?m)^ +parameters +epochs +5 +5$");

        String trainingData = provenance.at("/trainingRun/inputs/0/dataset").asText();
        String lineage = cli(0, "lineage", trainingData, "--direction", "upstream", "--url", query);
        assertThat(lineage).startsWith(trainingData + " [dataset]").contains("upstream (what it came from):", "← job:");

        String version = provenance.at("/modelVersion/version").asText();
        assertThat(cli(0, "models", "--url", query)).containsPattern("churn +" + java.util.regex.Pattern.quote(version) + " .* 10000 +\\d+ \\(ALERT\\)");
        assertThat(cli(0, "alerts", "--model", "churn", "--url", query)).contains("Model churn version " + version)
                .containsPattern("OPEN +ALERT +psi +tenure");
        assertThat(cli(0, "impact", trainingData, "--url", query)).contains("Downstream of " + trainingData, "model versions trained: 2")
                .contains("decisions made by them: 10000");

        // A decision that is not there: a clear message and status 1, not a stack trace.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = io.headwater.cli.HeadwaterCli.run(new String[]{"provenance", "no-such-decision", "--url", query},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("headwater: 404");
    }

    private static String cli(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = io.headwater.cli.HeadwaterCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println("$ headwater " + String.join(" ", args) + "\n" + printed + err.toString(StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return printed;
    }
}
