package io.headwater.ingest.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.LineageEventKind;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.EventKind;
import io.headwater.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecSchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecSchemaValidator VALIDATOR = new SpecSchemaValidator(new io.headwater.ingest.validation.SchemaCatalog());

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readAllBytes(file));
    }

    @Test
    void everyRealProducerEventPassesTheSpecAndItsFacetSchemas() throws IOException {
        for (String set : List.of("spark-captured", "airflow", "spark")) {
            for (Path file : Fixtures.events(set)) {
                if (file.getFileName().toString().startsWith("serde-synthetic")) {
                    continue;
                }
                JsonNode event = read(file);
                assertThat(VALIDATOR.validate(event, EventKind.of(event))).as(set + "/" + file.getFileName()).isEmpty();
            }
        }
        JsonNode example = read(Fixtures.dir("spec").resolve("examples/example_full_event.json"));
        assertThat(VALIDATOR.validate(example, EventKind.of(example))).isEmpty();
    }

    @Test
    void aStandardFacetOfTheWrongShapeIsNamed() throws IOException {
        ObjectNode event = (ObjectNode) read(Fixtures.dir("spark-captured").resolve("0002-job1-sql-START.json"));
        ((ObjectNode) event.at("/inputs/0/facets/schema")).put("fields", "not-a-list");
        assertThat(VALIDATOR.validate(event, LineageEventKind.RUN)).extracting(Violation::pointer)
                .contains("/inputs/0/facets/schema/fields");
    }

    @Test
    void headwaterFacetsAreCheckedAgainstTheirSchemas() throws IOException {
        ObjectNode event = (ObjectNode) read(Fixtures.dir("spark-captured").resolve("0001-job1-app-START.json"));
        ObjectNode metrics = ((ObjectNode) event.at("/run/facets")).putObject("headwater_metrics");
        metrics.put("_producer", "https://example.com/trainer").put("_schemaURL",
                "https://headwater.dev/spec/facets/1-0-0/HeadwaterMetricsRunFacet.json#/$defs/HeadwaterMetricsRunFacet");
        metrics.putArray("metrics").addObject().put("name", "accuracy").put("value", "high");
        assertThat(VALIDATOR.validate(event, LineageEventKind.RUN)).extracting(Violation::pointer)
                .contains("/run/facets/headwater_metrics/metrics/0/value");
    }

    @Test
    void anUnknownDatasetRoleIsNamed() throws IOException {
        ObjectNode event = (ObjectNode) read(Fixtures.dir("spark-captured").resolve("0002-job1-sql-START.json"));
        ((ObjectNode) event.at("/inputs/0/inputFacets")).putObject("headwater_datasetRole")
                .put("_producer", "https://example.com/trainer")
                .put("_schemaURL", "https://headwater.dev/spec/facets/1-0-0/HeadwaterDatasetRoleInputDatasetFacet.json")
                .put("role", "snack");
        assertThat(VALIDATOR.validate(event, LineageEventKind.RUN)).extracting(Violation::pointer)
                .containsExactly("/inputs/0/inputFacets/headwater_datasetRole/role");
    }
}
