package io.headwater.schemaregistry.rest;

/** The media types Confluent's clients send and accept. */
final class RegistryMediaTypes {

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final String ANY = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET = "application/octet-stream";

    private RegistryMediaTypes() {
    }
}
