package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.LineageEvent;
import io.headwater.avro.LineageEventKind;
import io.headwater.avro.RunState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Normalisation of the real events under fixtures/openlineage (provenance in its SOURCES.md) and of Headwater's facets. */
class LineageEventNormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("").toAbsolutePath().getParent().resolve("fixtures/openlineage");
    private static final Instant RECEIVED = Instant.parse("2026-12-01T12:00:00Z");
    private final LineageEventNormalizer normalizer = new LineageEventNormalizer();

    @Test
    void everyCapturedSparkAndAirflowEventKeepsItsRunItsDatasetsAndItsRawJson() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String set : List.of("spark-captured", "spark", "airflow")) {
            try (Stream<Path> listing = Files.list(FIXTURES.resolve(set))) {
                listing.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("serde-synthetic")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            String raw = Files.readString(file);
            JsonNode json = JSON.readTree(raw);
            LineageEvent event = normalizer.normalize(json, raw, RECEIVED);
            assertThat(event.getKind()).as(file.toString()).isEqualTo(LineageEventKind.RUN);
            assertThat(event.getRawJson()).isEqualTo(raw);
            assertThat(event.getRun().getRunId()).isEqualTo(json.at("/run/runId").asText());
            assertThat(event.getEventType()).isEqualTo(RunState.valueOf(json.get("eventType").asText()));
            assertThat(event.getJob().getName()).isEqualTo(json.at("/job/name").asText());
            assertThat(event.getInputs().stream().map(LineageEventNormalizerTest::sentAs).toList())
                    .containsExactlyElementsOf(names(json.get("inputs")));
            assertThat(event.getOutputs().stream().map(LineageEventNormalizerTest::sentAs).toList())
                    .containsExactlyElementsOf(names(json.get("outputs")));
            assertThat(event.getEventId()).isNotBlank();
        }
    }

    @Test
    void anAirflowTaskIsKeyedByItsOwnRunNotItsDagsSoTheGraphNeedsNoReKey() throws IOException {
        LineageEvent dag = fixture("airflow", "bq-01-dag-START.json");
        LineageEvent task = fixture("airflow", "bq-02-task-upload-START.json");
        assertThat(task.getRun().getParent()).isNotNull();
        assertThat(LineageEventNormalizer.partitionKey(task)).isEqualTo(task.getRun().getRunId()).isNotEqualTo(task.getRun().getParent().getRunId());
        assertThat(LineageEventNormalizer.partitionKey(dag)).isEqualTo(dag.getRun().getRunId());
    }

    @Test
    void columnLineageBecomesOneEntryPerOutputField() throws IOException {
        Path file = FIXTURES.resolve("airflow/bq-03-task-upload-COMPLETE.json");
        JsonNode json = JSON.readTree(Files.readString(file));
        LineageEvent event = fixture("airflow", "bq-03-task-upload-COMPLETE.json");
        JsonNode fields = json.at("/outputs/0/facets/columnLineage/fields");
        assertThat(fields.size()).isPositive();
        assertThat(event.getOutputs().get(0).getColumnLineage()).hasSize(fields.size())
                .allSatisfy(column -> assertThat(fields.has(column.getField())).isTrue());
    }

    @Test
    void headwatersFacetsBecomeTypedFields() throws IOException {
        String raw = """
                {"eventType":"COMPLETE","eventTime":"2026-11-30T10:00:00Z","producer":"https://example.com/trainer",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"01938c3e-7b34-7000-8000-000000000001","facets":{
                   "headwater_parameters":{"parameters":{"lr":0.05,"layers":[64,32]}},
                   "headwater_metrics":{"metrics":[{"name":"auc","value":0.91,"step":3},{"name":"bad","value":"x"}]},
                   "headwater_environment":{"runtime":{"name":"python","version":"3.11"},"packages":[{"name":"numpy","version":"2.1"}],
                                            "gpus":[{"model":"NVIDIA H200","memoryMiB":143771}],"sourceDirty":true},
                   "headwater_referenceProfile":{"features":[{"feature":"tenure","kind":"NUMERIC","binEdges":[0,12,24],"counts":[3,7]}],
                                                 "prediction":{"kind":"CATEGORICAL","categories":{"true":13,"false":87}}}}},
                 "job":{"namespace":"ml","name":"churn-train"},
                 "inputs":[{"namespace":"s3://lake","name":"customers","facets":{"version":{"datasetVersion":"v3"}},
                            "inputFacets":{"headwater_datasetRole":{"role":"training"}}}],
                 "outputs":[{"namespace":"s3://models","name":"churn/7","facets":{"headwater_modelArtifact":{"name":"churn","version":"7","uri":"s3://models/churn/7"}}}]}
                """;
        LineageEvent event = normalizer.normalize(JSON.readTree(raw), raw, RECEIVED);
        assertThat(event.getRun().getParameters()).containsEntry("lr", "0.05").containsEntry("layers", "[64,32]");
        assertThat(event.getRun().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo("auc");
            assertThat(m.getStep()).isEqualTo(3L);
        });
        assertThat(event.getRun().getEnvironment().getGpus().get(0).getModel()).isEqualTo("NVIDIA H200");
        assertThat(event.getRun().getEnvironment().getSourceDirty()).isTrue();
        assertThat(event.getRun().getReferenceProfile()).extracting(FeatureDistribution::getFeature).containsExactly("tenure", "__prediction__");
        assertThat(event.getInputs().get(0).getRole()).isEqualTo("training");
        assertThat(event.getInputs().get(0).getVersion()).isEqualTo("v3");
        assertThat(event.getOutputs().get(0).getModelArtifact().getVersion()).isEqualTo("7");
    }

    @Test
    void aDatasetEventIsKeyedByItsDataset() throws IOException {
        String raw = """
                {"eventTime":"2026-11-30T10:00:00Z","producer":"https://example.com/catalog",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent",
                 "dataset":{"namespace":"postgres://db:5432","name":"public.orders"}}
                """;
        LineageEvent event = normalizer.normalize(JSON.readTree(raw), raw, RECEIVED);
        assertThat(event.getKind()).isEqualTo(LineageEventKind.DATASET);
        assertThat(LineageEventNormalizer.partitionKey(event)).isEqualTo(io.headwater.contract.graph.NodeId.dataset("postgres://db:5432", "public.orders").value());
    }

    @Test
    void aDistributionIsNumericUnlessItSaysCategorical() throws IOException {
        FeatureDistribution numeric = FeatureDistributions.fromJson(JSON.readTree("{\"feature\":\"age\",\"binEdges\":[0,10],\"counts\":[4]}"));
        FeatureDistribution categorical = FeatureDistributions.fromJson(JSON.readTree("{\"feature\":\"plan\",\"kind\":\"categorical\",\"categories\":{\"pro\":2}}"));
        assertThat(numeric.getKind()).isEqualTo(DistributionKind.NUMERIC);
        assertThat(numeric.getBinEdges()).containsExactly(0.0, 10.0);
        assertThat(categorical.getKind()).isEqualTo(DistributionKind.CATEGORICAL);
        assertThat(categorical.getCategories()).containsEntry("pro", 2L);
    }

    @Test
    void everyHeadwaterFacetHasItsSchemaOnTheClasspath() {
        for (Facets.Headwater facet : Facets.Headwater.values()) {
            assertThat(getClass().getClassLoader().getResource("headwater/facets/" + facet.schemaName() + ".json")).as(facet.key()).isNotNull();
            assertThat(Facets.Headwater.byKey(facet.key())).contains(facet);
        }
    }

    private LineageEvent fixture(String set, String file) throws IOException {
        String raw = Files.readString(FIXTURES.resolve(set).resolve(file));
        return normalizer.normalize(JSON.readTree(raw), raw, RECEIVED);
    }

    /** The name a dataset was sent as: its own, or, when a symlink renamed it, the untyped symlink that keeps the original. */
    private static String sentAs(DatasetRef dataset) {
        return dataset.getSymlinks().stream().filter(s -> s.getType() == null).map(s -> s.getName()).findFirst().orElse(dataset.getName());
    }

    private static List<String> names(JsonNode datasets) {
        List<String> names = new ArrayList<>();
        if (datasets != null) {
            datasets.forEach(d -> names.add(d.get("name").asText()));
        }
        return names;
    }
}
