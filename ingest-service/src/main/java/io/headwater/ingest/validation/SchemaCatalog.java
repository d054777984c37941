package io.headwater.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schemas ingest validates against (OpenLineage's, its facets', Headwater's facets and
 * API bodies), each loaded once from the classpath: public schema URLs are mapped to local
 * copies, so validation never touches the network. Violations are reported by JSON pointer.
 */
@jakarta.inject.Singleton
public final class SchemaCatalog {

    public static final String OPENLINEAGE = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    public static final String HEADWATER_API = "https://headwater.dev/spec/api/1-0-0/";

    private static final Pattern OL_FACET = Pattern.compile("https://openlineage\\.io/spec/facets/[0-9-]+/([A-Za-z]+\\.json)");
    private static final Pattern HEADWATER = Pattern.compile("https://headwater\\.dev/spec/(facets|api)/[0-9-]+/([A-Za-z]+\\.json)");

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Boolean> available = new ConcurrentHashMap<>();
    private final Map<String, Boolean> resolvable = new ConcurrentHashMap<>();

    public SchemaCatalog() {
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mappings(SchemaCatalog::localCopy)));
        this.config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                // Real producers write "file" as a dataSource uri and the like; 'format' stays an annotation,
                // as JSON Schema 2020-12 has it. Times and run ids are checked by hand where they matter.
                .formatAssertionsEnabled(false).build();
    }

    /** Where the schema at a public URL is kept on the classpath; facet files are found by name, whatever the version. */
    static String localCopy(String iri) {
        if (iri.startsWith("https://openlineage.io/spec/2-0-2/")) {
            return "classpath:openlineage/spec/" + iri.substring("https://openlineage.io/spec/2-0-2/".length());
        }
        Matcher facet = OL_FACET.matcher(iri);
        if (facet.matches()) {
            return "classpath:openlineage/spec/facets/" + facet.group(1);
        }
        Matcher headwater = HEADWATER.matcher(iri);
        if (headwater.matches()) {
            return "classpath:headwater/" + headwater.group(1) + "/" + headwater.group(2);
        }
        return null;
    }

    /** Whether a schema URL (fragment allowed) has a local copy. */
    public boolean has(String schemaUrl) {
        return available.computeIfAbsent(schemaUrl, url -> {
            String local = localCopy(url.split("#", 2)[0]);
            return local != null && SchemaCatalog.class.getClassLoader().getResource(local.substring("classpath:".length())) != null;
        });
    }

    /**
     * Whether the schema at location (fragment included) can be loaded: a copy exists and its fragment
     * names a definition in it. A facet whose _schemaURL points at a definition that does not exist
     * ({@code #/$defs/Nope}) is kept unvalidated, as an unknown facet is, rather than failing the event.
     */
    public boolean resolves(String location) {
        if (!has(location)) {
            return false;
        }
        return resolvable.computeIfAbsent(location, l -> {
            try {
                schema(l);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** The schema at location, loaded once. */
    private JsonSchema schema(String location) {
        return schemas.computeIfAbsent(location, l -> factory.getSchema(SchemaLocation.of(l), config));
    }

    /** Validates node against the schema at location; pointers in the result start with prefix. */
    public List<Violation> validate(String location, JsonNode node, String prefix) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema(location).validate(node)) {
            String where = message.getInstanceLocation().toString();
            String pointer = prefix + (where.equals("/") ? "" : where);
            // A missing property is named where it belongs, not at the object that lacks it ("" for the root).
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
            }
            String text = message.getMessage();
            int colon = text.indexOf(": ");
            violations.add(new Violation(pointer, colon > 0 && text.startsWith(where) ? text.substring(colon + 2) : text));
        }
        return violations;
    }
}
