package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HEADWATER_LOG_JSON=true: a service logs one JSON object per line, for a log pipeline (the built ingest-service, as run). */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aServiceLogsJsonLinesWhenAskedTo() throws Exception {
        Path jar = BrowserSuite.ROOT.resolve("ingest-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=0", "-Dheadwater.auth.mode=open", "-Dkafka.bootstrap.servers=127.0.0.1:1", "-jar", jar.toString())
                .redirectErrorStream(true);
        builder.environment().put("HEADWATER_LOG_JSON", "true");
        Process service = builder.start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < 3 && (line = out.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(lines).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.path("level").asText()).isNotBlank();
            assertThat(entry.path("loggerName").asText()).isNotBlank();
            assertThat(entry.has("message")).isTrue();
            assertThat(entry.path("timestamp").asText()).isNotBlank();
        });
    }
}
