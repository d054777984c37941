package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service's OpenAPI spec, as the running platform serves it at /q/openapi, passes Redocly's linter with the
 * rules in src/test/openapi/redocly.yaml (./headwater test installs it with npm; skipped, saying so, without it), and
 * holds what a client generated from it relies on: every error of ingest and query-service is a problem+json
 * {@code Problem}, schema names are the types' own (no {@code Node1}), no Jackson internals.
 */
class OpenApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LINT = BrowserSuite.ROOT.resolve("e2e-tests/src/test/openapi");
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withGraph();

    private static Map<String, String> services() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("schema-registry", PLATFORM.platform().registry.url());
        urls.put("ingest-service", PLATFORM.platform().ingest.url());
        urls.put("lineage-streams", PLATFORM.platform().streams.url());
        urls.put("query-service", PLATFORM.platform().query.url());
        return urls;
    }

    private static JsonNode spec(String url) {
        return PLATFORM.http().get(url + "/q/openapi?format=json").expect(200).json();
    }

    @Test
    void everyServedSpecPassesTheLinter() throws Exception {
        Path redocly = LINT.resolve("node_modules/.bin/redocly");
        Assumptions.assumeTrue(Files.isExecutable(redocly), "Redocly's CLI is not installed (npm ci --prefix e2e-tests/src/test/openapi): the lint is skipped");
        Path served = BrowserSuite.ROOT.resolve("e2e-tests/target/openapi-served");
        Files.createDirectories(served);
        List<String> command = new ArrayList<>(List.of(redocly.toString(), "lint", "--config", LINT.resolve("redocly.yaml").toString(), "--format", "stylish"));
        for (Map.Entry<String, String> service : services().entrySet()) {
            Path file = served.resolve(service.getKey() + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec(service.getValue())));
            command.add(file.toString());
        }
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        assertThat(lint.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("error").contains("valid");
    }

    @Test
    void everyErrorIsAProblemDetailAndEveryOperationHasAnId() {
        for (String service : List.of("ingest-service", "query-service")) {
            JsonNode spec = spec(services().get(service));
            Set<String> ids = new HashSet<>();
            List<String> without = new ArrayList<>();
            spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                String where = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                assertThat(ids.add(op.getValue().path("operationId").asText())).as(where + " has a unique operationId").isTrue();
                assertThat(op.getValue().path("summary").asText()).as(where + " has a summary").isNotBlank();
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d") && !"#/components/schemas/Problem".equals(
                            response.getValue().at("/content/application~1problem+json/schema/$ref").asText())) {
                        without.add(where + " " + response.getKey());
                    }
                });
                if (path.getKey().contains("{")) {
                    assertThat(op.getValue().path("responses").has("404")).as(where + " documents its 404").isTrue();
                }
            }));
            assertThat(without).as("errors without a problem+json body").isEmpty();
            JsonNode schemas = spec.at("/components/schemas");
            assertThat(schemas.has("Problem")).isTrue();
            schemas.fieldNames().forEachRemaining(name -> assertThat(name).as(service + " schema name").doesNotMatch(".*\\d$")
                    .isNotIn("JsonNode", "JsonNodeType", "ObjectNode"));
            assertThat(spec.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        }
        // Request bodies are the JSON Schemas ingest validates with.
        JsonNode ingest = spec(services().get("ingest-service"));
        assertThat(ingest.at("/components/schemas/Decision/properties/decisionId/maxLength").asInt()).isEqualTo(256);
        assertThat(ingest.at("/paths/~1api~1v1~1decisions/post/requestBody/content/application~1json/schema/oneOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/Decision");
        assertThat(ingest.at("/components/schemas/MonitoringStats").toString()).doesNotContain("#/$defs/");
    }
}
