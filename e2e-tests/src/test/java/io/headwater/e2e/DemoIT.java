package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.demo.Demo;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
        assertThat(out).containsPattern("Drift alert on churn version \\S+: psi of tenure is [0-9.]+ \\(threshold 0.200\\), ALERT, OPEN");
        assertThat(out).contains(PLATFORM.platform().query.url() + "/api/v1/decisions/" + decision + "/provenance");

        // What it printed is what the platform answers.
        JsonNode answer = PLATFORM.query("/api/v1/decisions/" + decision + "/provenance").expect(200).json();
        assertThat(answer.at("/modelVersion/decisionCount").asLong()).isEqualTo(10_000);
        assertThat(out).contains("trained by " + answer.at("/trainingRun/id").asText());
    }
}
