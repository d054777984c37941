package io.headwater.schemaregistry.model;

/** One version of a subject: its global schema id and the schema text, possibly soft-deleted. */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
}
