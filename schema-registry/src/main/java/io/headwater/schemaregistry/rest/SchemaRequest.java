package io.headwater.schemaregistry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of register, lookup and compatibility requests. References are not supported (AVRO only, self-contained). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaRequest(String schema, String schemaType) {
}
