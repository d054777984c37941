package io.headwater.contract.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shapes of {@code GraphNode.detailJson}, per node kind: structured facts too large or too nested
 * for the flat attributes. Each record's components are its JSON fields, so writer (lineage-streams) and
 * readers (query-service, drift detection) share one definition. Readers ignore fields they do not know,
 * so a field can be added without a new topic.
 */
public final class NodeDetails {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private NodeDetails() {
    }

    /** A run's parameters, metrics and failure. */
    public record Run(Map<String, String> parameters, List<Metric> metrics, Error error, String nominalStartTime, String nominalEndTime,
                      long eventCount) {
        public Run {
            parameters = parameters == null ? Map.of() : parameters;
            metrics = metrics == null ? List.of() : metrics;
        }
    }

    /** One logged value of a metric; {@code step} and {@code timestamp} (ISO-8601) when the logger gave them. */
    public record Metric(String name, double value, Long step, String timestamp) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Error(String message, String programmingLanguage, String stackTrace) {
    }

    /** A job version's source text, when the job sent it (OpenLineage's sourceCode facet). */
    public record JobVersion(String sourceCode) {
    }

    /** An environment's packages (name to version, sorted) and GPUs. */
    public record Environment(Map<String, String> packages, List<Gpu> gpus) {
        public Environment {
            packages = packages == null ? Map.of() : packages;
            gpus = gpus == null ? List.of() : gpus;
        }
    }

    public record Gpu(String model, String driverVersion, String cudaVersion, Long memoryMiB) {
    }

    /** A dataset's schema (OpenLineage's schema facet). */
    public record Dataset(List<Field> fields) {
        public Dataset {
            fields = fields == null ? List.of() : fields;
        }
    }

    /** A column: its type, the schema facet's description, and the tags facet's entries naming it ({@code key=value}). */
    public record Field(String name, String type, String description, List<String> tags) {
        public Field(String name, String type) {
            this(name, type, null, null);
        }
    }

    /** What the writer of a dataset version measured: per-column metrics and assertion results. */
    public record DatasetVersion(List<ColumnMetrics> columns, List<Assertion> assertions) {
        public DatasetVersion {
            columns = columns == null ? List.of() : columns;
            assertions = assertions == null ? List.of() : assertions;
        }
    }

    public record ColumnMetrics(String column, Long nullCount, Long distinctCount, Double sum, Double count, Double min, Double max) {
    }

    public record Assertion(String assertion, boolean success, String column) {
    }

    /** What a model version was trained on: drift detection's reference distributions and the run's final metrics. */
    public record ModelVersion(List<Feature> referenceProfile, Map<String, Double> trainingMetrics) {
        public ModelVersion {
            referenceProfile = referenceProfile == null ? List.of() : referenceProfile;
            trainingMetrics = trainingMetrics == null ? Map.of() : trainingMetrics;
        }
    }

    /** One feature's (or the prediction's) distribution: histogram bin edges and counts, or category counts. */
    public record Feature(String feature, String kind, List<Double> binEdges, List<Long> counts, Map<String, Long> categories) {
        public Feature {
            binEdges = binEdges == null ? List.of() : binEdges;
            counts = counts == null ? List.of() : counts;
            categories = categories == null ? Map.of() : categories;
        }
    }

    public static String write(Object detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detail as the given shape; empty when there is none or it cannot be read as that shape. */
    public static <T> Optional<T> read(String detailJson, Class<T> shape) {
        if (detailJson == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(detailJson, shape));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A value as a plain map, for APIs that show a detail's part as JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return JSON.convertValue(value, Map.class);
    }
}
