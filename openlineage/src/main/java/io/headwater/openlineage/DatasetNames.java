package io.headwater.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.avro.DatasetIdentifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One name per dataset, whatever name an event used. Spark and Hive name a table by its storage
 * path ({@code hdfs://host} {@code /user/hive/warehouse/t1}) and give the table's name in the
 * symlinks facet; a dbt model or a Trino query names the table directly. When a dataset is named by
 * a storage path and a symlink of type TABLE exists, the table's name is the dataset's name and the
 * path becomes one of its symlinks. Names of anything else (a Kafka topic with its Flink table
 * symlink, a BigQuery table) are kept as sent: they already name the thing itself.
 *
 * <p>Column lineage refers to datasets by the names in the event, so the renaming is worked out for
 * the whole event first ({@link #of(JsonNode)}) and every reference goes through {@link #canonical}.
 */
final class DatasetNames {

    /** Namespace schemes of file systems and object stores: a name there is a path, not a table. */
    private static final Set<String> STORAGE_SCHEMES = Set.of("file", "hdfs", "viewfs", "s3", "s3a", "s3n", "gs", "gcs", "abfs", "abfss",
            "wasb", "wasbs", "adl", "dbfs", "oss", "cos", "ofs");

    private final Map<Name, Name> renamed;

    private DatasetNames(Map<Name, Name> renamed) {
        this.renamed = renamed;
    }

    /** A dataset's namespace and name. */
    record Name(String namespace, String name) {
    }

    static DatasetNames of(JsonNode event) {
        Map<Name, Name> renamed = new HashMap<>();
        for (String list : List.of("inputs", "outputs")) {
            event.path(list).forEach(d -> table(d).ifPresent(t -> renamed.putIfAbsent(sent(d), t)));
        }
        if (event.path("dataset").isObject()) {
            table(event.get("dataset")).ifPresent(t -> renamed.putIfAbsent(sent(event.get("dataset")), t));
        }
        return new DatasetNames(renamed);
    }

    Name canonical(String namespace, String name) {
        Name sent = new Name(namespace, name);
        return renamed.getOrDefault(sent, sent);
    }

    /** The dataset's other names: its symlinks but the one it is now named by, and the path it was sent as when renamed. */
    List<DatasetIdentifier> symlinks(JsonNode dataset) {
        Name sent = sent(dataset);
        Name canonical = canonical(sent.namespace(), sent.name());
        List<DatasetIdentifier> out = new ArrayList<>();
        if (!canonical.equals(sent)) {
            out.add(new DatasetIdentifier(sent.namespace(), sent.name(), null));
        }
        for (JsonNode identifier : dataset.path("facets").path(Facets.SYMLINKS).path("identifiers")) {
            if (identifier.hasNonNull("namespace") && identifier.hasNonNull("name")) {
                Name name = new Name(identifier.get("namespace").asText(), identifier.get("name").asText());
                if (!name.equals(canonical)) {
                    out.add(new DatasetIdentifier(name.namespace(), name.name(), Json.text(identifier, "type")));
                }
            }
        }
        return out;
    }

    private static Name sent(JsonNode dataset) {
        return new Name(dataset.path("namespace").asText(), dataset.path("name").asText());
    }

    private static Optional<Name> table(JsonNode dataset) {
        if (!STORAGE_SCHEMES.contains(scheme(dataset.path("namespace").asText()))) {
            return Optional.empty();
        }
        for (JsonNode identifier : dataset.path("facets").path(Facets.SYMLINKS).path("identifiers")) {
            if ("TABLE".equalsIgnoreCase(identifier.path("type").asText()) && identifier.hasNonNull("namespace") && identifier.hasNonNull("name")) {
                return Optional.of(new Name(identifier.get("namespace").asText(), identifier.get("name").asText()));
            }
        }
        return Optional.empty();
    }

    private static String scheme(String namespace) {
        int colon = namespace.indexOf(':');
        return (colon < 0 ? namespace : namespace.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
