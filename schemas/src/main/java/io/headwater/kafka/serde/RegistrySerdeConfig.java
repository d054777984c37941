package io.headwater.kafka.serde;

import java.util.Map;

/** Configuration keys, named as Confluent's serdes name them so existing client configs carry over. */
public final class RegistrySerdeConfig {

    /** Comma-separated base URLs of a Confluent-compatible schema registry. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer's schema when it is not yet known (default true); false only looks it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Decode into the generated SpecificRecord class named by the writer schema (default false: GenericRecord). */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    private RegistrySerdeConfig() {
    }

    static String url(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing config " + SCHEMA_REGISTRY_URL);
        }
        return url.toString();
    }

    static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
