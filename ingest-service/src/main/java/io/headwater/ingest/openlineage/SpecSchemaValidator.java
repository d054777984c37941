package io.headwater.ingest.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headwater.avro.LineageEventKind;
import io.headwater.ingest.validation.SchemaCatalog;
import io.headwater.ingest.validation.Violation;
import io.headwater.openlineage.Facets;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates an event against the OpenLineage 2-0-2 JSON Schema, each standard facet against its
 * own schema (found by the file name in its {@code _schemaURL}, whatever version the URL names),
 * and each Headwater facet against Headwater's schema. All schemas are read from the classpath:
 * no network. A facet whose schema is not known here is kept as it is, unvalidated.
 */
public final class SpecSchemaValidator {

    private static final Pattern OL_FACET = Pattern.compile("https://openlineage\\.io/spec/facets/[0-9-]+/[A-Za-z]+\\.json#.+");

    private final SchemaCatalog catalog;

    public SpecSchemaValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Violation> validate(JsonNode event, LineageEventKind kind) {
        List<Violation> violations = new ArrayList<>(catalog.validate(SchemaCatalog.OPENLINEAGE + "#/$defs/" + eventDef(kind), withSchemaUrl(event), ""));
        validateFacets(event.path("run").path("facets"), "/run/facets", violations);
        validateFacets(event.path("job").path("facets"), "/job/facets", violations);
        validateDatasetFacets(event.path("inputs"), "/inputs", "inputFacets", violations);
        validateDatasetFacets(event.path("outputs"), "/outputs", "outputFacets", violations);
        validateFacets(event.path("dataset").path("facets"), "/dataset/facets", violations);
        return violations;
    }

    private void validateDatasetFacets(JsonNode datasets, String pointer, String extra, List<Violation> violations) {
        for (int i = 0; i < datasets.size(); i++) {
            validateFacets(datasets.get(i).path("facets"), pointer + "/" + i + "/facets", violations);
            validateFacets(datasets.get(i).path(extra), pointer + "/" + i + "/" + extra, violations);
        }
    }

    private void validateFacets(JsonNode facets, String pointer, List<Violation> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            JsonNode value = facet.getValue();
            if (!value.isObject() || value.path("_deleted").asBoolean(false)) {
                continue;
            }
            String location = facetSchema(facet.getKey(), value.path("_schemaURL").asText(""));
            if (location != null) {
                violations.addAll(catalog.validate(location, value, pointer + "/" + escape(facet.getKey())));
            }
        }
    }

    /** Headwater facets by their key; standard facets by their _schemaURL when a copy is known; else none. */
    private String facetSchema(String key, String schemaUrl) {
        Optional<Facets.Headwater> headwater = Facets.Headwater.byKey(key);
        if (headwater.isPresent()) {
            return headwater.get().schemaUrl() + "#/$defs/" + headwater.get().schemaName();
        }
        return OL_FACET.matcher(schemaUrl).matches() && catalog.resolves(schemaUrl) ? schemaUrl : null;
    }

    /** Marquez accepts a RunEvent without schemaURL; so do we, though the spec lists it as required. */
    private static JsonNode withSchemaUrl(JsonNode event) {
        if (event.hasNonNull("schemaURL")) {
            return event;
        }
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        copy.put("schemaURL", SchemaCatalog.OPENLINEAGE + "#/$defs/RunEvent");
        return copy;
    }

    private static String eventDef(LineageEventKind kind) {
        return switch (kind) {
            case RUN -> "RunEvent";
            case DATASET -> "DatasetEvent";
            case JOB -> "JobEvent";
        };
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
