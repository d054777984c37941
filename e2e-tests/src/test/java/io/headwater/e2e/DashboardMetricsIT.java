package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import io.headwater.testkit.RunEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard (helm/headwater/dashboards/headwater.json, in the chart as a ConfigMap) plots is
 * served by a running platform's /q/metrics after ordinary use: a dashboard never shows "no data" for a renamed or
 * missing metric. And no metric label carries what a sender wrote.
 */
class DashboardMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Metric names in a PromQL expression: the metric families Headwater's services serve. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:headwater|http_server|jvm|process)_[a-z0-9_]+)");
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    @Test
    void everyMetricTheDashboardPlotsIsServed() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant start = Instant.now().minusSeconds(120);
        PLATFORM.ingest("/api/v1/lineage", RunEvents.run("START", run, start).job("ml", "dashboard-train")
                .input("file", "/data/dashboard/features", "training").json()).expect(201);
        PLATFORM.ingest("/api/v1/lineage", RunEvents.run("COMPLETE", run, start.plusSeconds(60)).job("ml", "dashboard-train")
                .input("file", "/data/dashboard/features", "training")
                .model("s3://models", "dashboard/1", "dashboard", "1", "s3://models/dashboard/1", "sklearn").json()).expect(201);
        PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/runs/" + run), r -> "COMPLETE".equals(r.path("state").asText()), Duration.ofSeconds(60));
        // An answer a bound cuts short: lineage one step downstream of the first input of a real two-job Spark chain.
        for (java.nio.file.Path event : io.headwater.testkit.Fixtures.events("spark-captured")) {
            PLATFORM.ingest("/api/v1/lineage", Files.readString(event)).expect(201);
        }
        String orders = "dataset:file:/srv/spark-demo/data/in/orders.csv";
        PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/lineage?depth=3&direction=downstream&nodeId=" + Http.encode(orders)),
                g -> g.path("graph").size() >= 4, Duration.ofSeconds(60));
        JsonNode lineage = PLATFORM.query("/api/v1/lineage?depth=1&direction=downstream&nodeId=" + Http.encode(orders)).expect(200).json();
        assertThat(lineage.path("partial").asBoolean()).as(lineage.toString()).isTrue();

        Set<String> served = new HashSet<>();
        StringBuilder all = new StringBuilder();
        for (String url : List.of(PLATFORM.platform().ingest.url(), PLATFORM.platform().streams.url(), PLATFORM.platform().query.url())) {
            String text = PLATFORM.http().get(url + "/q/metrics").expect(200).body();
            all.append(text);
            text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> served.add(l.split("[{ ]", 2)[0]));
        }

        JsonNode dashboard = JSON.readTree(Files.readString(BrowserSuite.ROOT.resolve("helm/headwater/dashboards/headwater.json")));
        Set<String> plotted = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.path("expr").asText());
                while (metric.find()) {
                    plotted.add(metric.group(1));
                }
            }
        }
        assertThat(plotted).hasSizeGreaterThan(12);
        assertThat(plotted).allSatisfy(name -> assertThat(served).as(name + " is served").contains(name));

        // Bounded labels: ingest names the integration, never the producer URL it was sent.
        assertThat(all.toString()).doesNotContain("producer=").contains("integration=\"other\"");
    }
}
