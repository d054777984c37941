package io.headwater.ingest.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.LineageEventKind;
import io.headwater.contract.Times;
import io.headwater.ingest.validation.TimeChecks;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.EventKind;
import io.headwater.openlineage.Facets;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the OpenLineage 2-0-2 spec that an event must keep to be stored, each reported
 * with the JSON pointer of the offending field. The required facet fields ({@code _producer},
 * {@code _schemaURL}) and the parent facet's run are required as Marquez requires them.
 */
public final class OpenLineageValidator {

    static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

    public List<Violation> validate(JsonNode event) {
        List<Violation> violations = new ArrayList<>();
        if (!event.isObject()) {
            violations.add(new Violation("", "an OpenLineage event must be a JSON object, not " + event.getNodeType().name().toLowerCase()));
            return violations;
        }
        requireDateTime(event, "eventTime", "/eventTime", violations);
        requireText(event, "producer", "/producer", violations);
        optionalText(event, "schemaURL", "/schemaURL", violations);
        LineageEventKind kind = EventKind.of(event);
        switch (kind) {
            case RUN -> validateRunEvent(event, violations);
            case DATASET -> validateDataset(event.path("dataset"), "/dataset", violations, true);
            case JOB -> {
                validateJob(event.path("job"), violations);
                validateDatasets(event, "inputs", violations);
                validateDatasets(event, "outputs", violations);
            }
        }
        return violations;
    }

    private void validateRunEvent(JsonNode event, List<Violation> violations) {
        JsonNode eventType = event.get("eventType");
        if (eventType != null && !eventType.isNull()) {
            if (!eventType.isTextual() || !EVENT_TYPES.contains(eventType.asText())) {
                violations.add(new Violation("/eventType", "must be one of " + String.join(", ", EVENT_TYPES.stream().sorted().toList())
                        + ", not " + eventType));
            }
        }
        JsonNode run = event.get("run");
        if (run == null || !run.isObject()) {
            violations.add(new Violation("/run", "a RunEvent needs a run object"));
        } else {
            requireUuid(run, "runId", "/run/runId", violations);
            validateFacets(run.get("facets"), "/run/facets", violations);
            validateFacetTimes(run.path("facets"), violations);
            JsonNode parent = run.path("facets").get("parent");
            if (parent != null && parent.isObject() && !parent.path("_deleted").asBoolean(false)) {
                requireUuid(parent.path("run"), "runId", "/run/facets/parent/run/runId", violations);
                requireText(parent.path("job"), "namespace", "/run/facets/parent/job/namespace", violations);
                requireText(parent.path("job"), "name", "/run/facets/parent/job/name", violations);
                if (parent.has("root")) {
                    requireUuid(parent.path("root").path("run"), "runId", "/run/facets/parent/root/run/runId", violations);
                }
            }
        }
        validateJob(event.get("job"), violations);
        validateDatasets(event, "inputs", violations);
        validateDatasets(event, "outputs", violations);
    }

    /** Times inside facets that the normaliser reads; JSON Schema 'format' alone would not stop them. */
    private static void validateFacetTimes(JsonNode facets, List<Violation> violations) {
        TimeChecks.check(facets.path("nominalTime"), "nominalStartTime", "/run/facets/nominalTime", violations);
        TimeChecks.check(facets.path("nominalTime"), "nominalEndTime", "/run/facets/nominalTime", violations);
        JsonNode metrics = facets.path(Facets.Headwater.METRICS.key()).path("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            TimeChecks.check(metrics.get(i), "timestamp", "/run/facets/" + Facets.Headwater.METRICS.key() + "/metrics/" + i, violations);
        }
    }

    private void validateJob(JsonNode job, List<Violation> violations) {
        if (job == null || !job.isObject()) {
            violations.add(new Violation("/job", "the event needs a job object with namespace and name"));
            return;
        }
        requireText(job, "namespace", "/job/namespace", violations);
        requireText(job, "name", "/job/name", violations);
        validateFacets(job.get("facets"), "/job/facets", violations);
    }

    private void validateDatasets(JsonNode event, String field, List<Violation> violations) {
        JsonNode datasets = event.get(field);
        if (datasets == null || datasets.isNull()) {
            return;
        }
        if (!datasets.isArray()) {
            violations.add(new Violation("/" + field, "must be an array of datasets"));
            return;
        }
        for (int i = 0; i < datasets.size(); i++) {
            validateDataset(datasets.get(i), "/" + field + "/" + i, violations, false);
            String extra = "inputs".equals(field) ? "inputFacets" : "outputFacets";
            validateFacets(datasets.get(i).get(extra), "/" + field + "/" + i + "/" + extra, violations);
        }
    }

    private void validateDataset(JsonNode dataset, String pointer, List<Violation> violations, boolean required) {
        if (dataset == null || !dataset.isObject()) {
            if (required || dataset != null) {
                violations.add(new Violation(pointer, "a dataset must be an object with namespace and name"));
            }
            return;
        }
        requireText(dataset, "namespace", pointer + "/namespace", violations);
        requireText(dataset, "name", pointer + "/name", violations);
        validateFacets(dataset.get("facets"), pointer + "/facets", violations);
    }

    /** Each facet is an object carrying _producer and _schemaURL, unless it only marks a deletion. */
    private void validateFacets(JsonNode facets, String pointer, List<Violation> violations) {
        if (facets == null || facets.isNull()) {
            return;
        }
        if (!facets.isObject()) {
            violations.add(new Violation(pointer, "facets must be an object keyed by facet name"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            String facetPointer = pointer + "/" + escape(facet.getKey());
            JsonNode value = facet.getValue();
            if (!value.isObject()) {
                violations.add(new Violation(facetPointer, "a facet must be an object"));
                continue;
            }
            if (value.path("_deleted").asBoolean(false)) {
                continue;
            }
            if (!value.path("_producer").isTextual() || value.path("_producer").asText().isBlank()) {
                violations.add(new Violation(facetPointer + "/_producer", "every facet needs _producer, the URI of what produced it"));
            }
            if (!value.path("_schemaURL").isTextual() || value.path("_schemaURL").asText().isBlank()) {
                violations.add(new Violation(facetPointer + "/_schemaURL", "every facet needs _schemaURL, the URL of its JSON Schema"));
            }
        }
    }

    /** Requires holder.field to be a non-empty string; pointer names it in the message. */
    private static void requireText(JsonNode holder, String field, String pointer, List<Violation> violations) {
        JsonNode value = holder.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Violation(pointer, "is required"));
        } else if (!value.isTextual()) {
            violations.add(new Violation(pointer, "must be a string, not " + value.getNodeType().name().toLowerCase()));
        } else if (value.asText().isBlank()) {
            violations.add(new Violation(pointer, "must not be empty"));
        }
    }

    private static void optionalText(JsonNode holder, String field, String pointer, List<Violation> violations) {
        JsonNode value = holder.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            violations.add(new Violation(pointer, "must be a string, not " + value.getNodeType().name().toLowerCase()));
        }
    }

    private static void requireDateTime(JsonNode holder, String field, String pointer, List<Violation> violations) {
        int before = violations.size();
        requireText(holder, field, pointer, violations);
        if (violations.size() > before) {
            return;
        }
        TimeChecks.check(holder, field, pointer.substring(0, pointer.lastIndexOf('/')), violations);
    }

    private static void requireUuid(JsonNode holder, String field, String pointer, List<Violation> violations) {
        int before = violations.size();
        requireText(holder, field, pointer, violations);
        if (violations.size() == before && !isUuid(holder.get(field).asText())) {
            violations.add(new Violation(pointer, "must be a UUID, not '" + holder.get(field).asText() + "'"));
        }
    }

    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
