package io.headwater.streams.graph;

import io.headwater.avro.DatasetCatalog;
import io.headwater.avro.DatasetIdentifier;
import io.headwater.avro.DatasetRef;
import io.headwater.avro.Owner;
import io.headwater.avro.SchemaField;
import io.headwater.avro.Tag;
import io.headwater.contract.graph.NodeAttributes;
import io.headwater.contract.graph.NodeAttributes.Dataset;
import io.headwater.contract.graph.NodeDetails;
import io.headwater.contract.graph.NodeId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a dataset node says of its dataset: the descriptive facets as attributes, its schema (with column tags) as detail. */
final class DatasetDescription {

    private DatasetDescription() {
    }

    static Map<String, String> attributes(DatasetRef dataset) {
        Map<String, String> attributes = new TreeMap<>();
        put(attributes, Dataset.DATASET_TYPE, dataset.getDatasetType());
        put(attributes, Dataset.DATASET_SUB_TYPE, dataset.getDatasetSubType());
        put(attributes, Dataset.DESCRIPTION, dataset.getDescription());
        put(attributes, Dataset.TAGS, tags(dataset.getTags().stream().filter(t -> t.getField() == null).toList()));
        put(attributes, Dataset.OWNERS, owners(dataset.getOwners()));
        put(attributes, Dataset.ALIASES, joined(dataset.getSymlinks().stream().map(DatasetDescription::aliasId).toList()));
        DatasetCatalog catalog = dataset.getCatalog();
        if (catalog != null) {
            put(attributes, Dataset.CATALOG_NAME, catalog.getName());
            put(attributes, Dataset.CATALOG_FRAMEWORK, catalog.getFramework());
            put(attributes, Dataset.CATALOG_TYPE, catalog.getType());
            put(attributes, Dataset.CATALOG_METADATA_URI, catalog.getMetadataUri());
            put(attributes, Dataset.CATALOG_WAREHOUSE_URI, catalog.getWarehouseUri());
        }
        return attributes;
    }

    /** The schema, each column with its description and the tags that name it; null without a schema. */
    static String detail(DatasetRef dataset) {
        if (dataset.getFields().isEmpty()) {
            return null;
        }
        List<NodeDetails.Field> fields = new ArrayList<>();
        for (SchemaField field : dataset.getFields()) {
            List<String> tags = dataset.getTags().stream().filter(t -> field.getName().equals(t.getField())).map(DatasetDescription::tag).sorted().toList();
            String description = field.getDescription() == null || field.getDescription().isEmpty() ? null : field.getDescription();
            fields.add(new NodeDetails.Field(field.getName(), field.getType(), description, tags.isEmpty() ? null : tags));
        }
        return NodeDetails.write(new NodeDetails.Dataset(fields));
    }

    /** Tags as sorted {@code key=value} entries; null when none. */
    static String tags(List<Tag> tags) {
        return joined(tags.stream().map(DatasetDescription::tag).toList());
    }

    static String owners(List<Owner> owners) {
        return joined(owners.stream().map(Owner::getName).toList());
    }

    private static String tag(Tag tag) {
        return tag.getKey() + "=" + tag.getValue();
    }

    private static String aliasId(DatasetIdentifier identifier) {
        return NodeId.dataset(identifier.getNamespace(), identifier.getName()).value();
    }

    /** Sorted and de-duplicated, so the attribute does not depend on the order a producer listed them in; separators inside values are dropped. */
    private static String joined(List<String> values) {
        TreeSet<String> sorted = new TreeSet<>();
        values.forEach(v -> sorted.add(v.replace(NodeAttributes.LIST_SEPARATOR, " ").trim()));
        sorted.remove("");
        return sorted.isEmpty() ? null : String.join(NodeAttributes.LIST_SEPARATOR, sorted);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
