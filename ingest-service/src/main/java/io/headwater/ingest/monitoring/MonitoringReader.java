package io.headwater.ingest.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.FeatureDistribution;
import io.headwater.avro.MonitoringStats;
import io.headwater.contract.Times;
import io.headwater.contract.Topics;
import io.headwater.ingest.kafka.Outgoing;
import io.headwater.ingest.validation.InvalidEventException;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.TimeChecks;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.FeatureDistributions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates monitoring statistics (Headwater's MonitoringStats.json, plus what a schema cannot say:
 * a histogram has one more edge than counts, edges rise, a window ends after it starts) and
 * converts them to the Avro contract, keyed by model name and version.
 */
public final class MonitoringReader {

    private static final String SCHEMA = SchemaCatalog.HEADWATER_API + "MonitoringStats.json";

    private final SchemaCatalog catalog;

    public MonitoringReader(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public Outgoing read(JsonNode json, String pointer, Instant receivedAt) {
        List<Violation> violations = new ArrayList<>(catalog.validate(SCHEMA, json, pointer));
        boolean wellShaped = violations.isEmpty();
        if (wellShaped) {
            TimeChecks.check(json, "windowStart", pointer, violations);
            TimeChecks.check(json, "windowEnd", pointer, violations);
        }
        if (violations.isEmpty() && !Times.parse(json.get("windowEnd").asText()).isAfter(Times.parse(json.get("windowStart").asText()))) {
            violations.add(new Violation(pointer + "/windowEnd", "must be after windowStart"));
        }
        if (!wellShaped) {
            // The shape is wrong (features not an array, ...): the checks below assume it is right.
            throw new InvalidEventException(InvalidEventException.Payload.MONITORING_WINDOW, violations);
        }
        for (int i = 0; i < json.path("features").size(); i++) {
            checkDistribution(json.path("features").get(i), pointer + "/features/" + i, violations);
        }
        if (json.has("prediction")) {
            checkDistribution(json.get("prediction"), pointer + "/prediction", violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Payload.MONITORING_WINDOW, violations);
        }
        List<FeatureDistribution> features = new ArrayList<>();
        json.path("features").forEach(f -> features.add(FeatureDistributions.fromJson(f)));
        Map<String, Double> quality = new LinkedHashMap<>();
        json.path("qualityMetrics").fields().forEachRemaining(e -> quality.put(e.getKey(), e.getValue().asDouble()));
        MonitoringStats stats = MonitoringStats.newBuilder()
                .setModelName(json.get("modelName").asText())
                .setModelVersion(json.get("modelVersion").asText())
                .setWindowStart(Times.parse(json.get("windowStart").asText()))
                .setWindowEnd(Times.parse(json.get("windowEnd").asText()))
                .setSampleCount(json.path("sampleCount").asLong(0))
                .setFeatures(features)
                .setPrediction(json.has("prediction") ? FeatureDistributions.fromJson(json.get("prediction")) : null)
                .setQualityMetrics(quality)
                .setReceivedAt(Times.micros(receivedAt))
                .build();
        String key = stats.getModelName() + "/" + stats.getModelVersion();
        String id = key + "@" + stats.getWindowStart() + ".." + stats.getWindowEnd();
        return new Outgoing(Topics.MONITORING.name(), key, stats, id, key);
    }

    private static void checkDistribution(JsonNode distribution, String pointer, List<Violation> violations) {
        if ("CATEGORICAL".equals(distribution.path("kind").asText())) {
            if (distribution.path("categories").isEmpty()) {
                violations.add(new Violation(pointer + "/categories", "a CATEGORICAL distribution needs category counts"));
            }
            return;
        }
        JsonNode edges = distribution.path("binEdges");
        JsonNode counts = distribution.path("counts");
        if (edges.size() < 2) {
            violations.add(new Violation(pointer + "/binEdges", "a NUMERIC histogram needs at least two bin edges"));
            return;
        }
        if (edges.size() != counts.size() + 1) {
            violations.add(new Violation(pointer + "/counts", "has " + counts.size() + " counts for " + edges.size()
                    + " bin edges; a histogram has one count per bin, one fewer than its edges"));
        }
        for (int i = 1; i < edges.size(); i++) {
            if (edges.get(i).asDouble() <= edges.get(i - 1).asDouble()) {
                violations.add(new Violation(pointer + "/binEdges/" + i, "bin edges must rise strictly"));
                break;
            }
        }
    }
}
