package io.headwater.contract.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * When an instance last let a key in, on the keys topic beside the keys themselves (Kafka key
 * {@code used:<keyId>:<instance>}, so each instance's record replaces only its own and compaction keeps one
 * per key and instance). A key's last use is the latest of these; it is never written into the key's own
 * record, so a usage write can never race a revocation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyUse(String keyId, String instance, Instant lastUsedAt) {

    public static final String KAFKA_KEY_PREFIX = "used:";

    public String kafkaKey() {
        return KAFKA_KEY_PREFIX + keyId + ":" + instance;
    }

    public static boolean isKeyUse(String kafkaKey) {
        return kafkaKey != null && kafkaKey.startsWith(KAFKA_KEY_PREFIX);
    }

    public String toJson() {
        return AccessJson.write(this);
    }

    public static KeyUse fromJson(String json) {
        return AccessJson.read(json, KeyUse.class);
    }
}
