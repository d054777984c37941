package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.Assertion;
import io.headwater.avro.ColumnMetrics;
import io.headwater.avro.DataQuality;
import io.headwater.avro.DatasetCatalog;
import io.headwater.avro.DatasetStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The descriptive and measuring facets of a dataset: catalog, statistics and data quality. Producers
 * disagree on where the measuring ones go (dbt puts dataQualityAssertions in both {@code facets} and
 * {@code inputFacets}), so each is looked up in the dataset's input or output facets first, then in its facets.
 */
final class DatasetFacets {

    private final JsonNode dataset;
    private final boolean input;

    DatasetFacets(JsonNode dataset, boolean input) {
        this.dataset = dataset;
        this.input = input;
    }

    /** The facet under this key, wherever the producer put it; a missing node when nowhere. */
    JsonNode facet(String key) {
        JsonNode own = dataset.path(input ? "inputFacets" : "outputFacets").path(key);
        return own.isObject() ? own : dataset.path("facets").path(key);
    }

    DatasetCatalog catalog() {
        JsonNode catalog = facet(Facets.CATALOG);
        if (!catalog.isObject()) {
            return null;
        }
        return DatasetCatalog.newBuilder()
                .setFramework(Json.text(catalog, "framework"))
                .setType(Json.text(catalog, "type"))
                .setName(Json.text(catalog, "name"))
                .setMetadataUri(Json.text(catalog, "metadataUri"))
                .setWarehouseUri(Json.text(catalog, "warehouseUri"))
                .setSource(Json.text(catalog, "source"))
                .build();
    }

    /** Rows, bytes and files: the statistics facet of the dataset's side, else what dataQualityMetrics counted. */
    DatasetStatistics statistics() {
        JsonNode stats = facet(input ? Facets.INPUT_STATISTICS : Facets.OUTPUT_STATISTICS);
        if (stats.isObject()) {
            return new DatasetStatistics(Json.whole(stats, "rowCount"), Json.whole(stats, "size"), Json.whole(stats, "fileCount"));
        }
        JsonNode metrics = facet(Facets.DATA_QUALITY_METRICS);
        if (metrics.isObject() && (metrics.has("rowCount") || metrics.has("bytes") || metrics.has("fileCount"))) {
            return new DatasetStatistics(Json.whole(metrics, "rowCount"), Json.whole(metrics, "bytes"), Json.whole(metrics, "fileCount"));
        }
        return null;
    }

    /** Column metrics and assertion results; null when the producer measured neither. */
    DataQuality quality() {
        List<ColumnMetrics> columns = new ArrayList<>();
        facet(Facets.DATA_QUALITY_METRICS).path("columnMetrics").fields().forEachRemaining(column -> {
            JsonNode m = column.getValue();
            columns.add(ColumnMetrics.newBuilder()
                    .setColumn(column.getKey())
                    .setNullCount(Json.whole(m, "nullCount"))
                    .setDistinctCount(Json.whole(m, "distinctCount"))
                    .setSum(Json.number(m, "sum"))
                    .setCount(Json.number(m, "count"))
                    .setMin(Json.number(m, "min"))
                    .setMax(Json.number(m, "max"))
                    .build());
        });
        List<Assertion> assertions = new ArrayList<>();
        for (JsonNode assertion : facet(Facets.DATA_QUALITY_ASSERTIONS).path("assertions")) {
            if (assertion.hasNonNull("assertion") && assertion.path("success").isBoolean()) {
                assertions.add(new Assertion(assertion.get("assertion").asText(), assertion.get("success").asBoolean(), Json.text(assertion, "column")));
            }
        }
        return columns.isEmpty() && assertions.isEmpty() ? null : new DataQuality(columns, assertions);
    }
}
