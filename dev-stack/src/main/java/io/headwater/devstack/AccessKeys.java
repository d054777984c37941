package io.headwater.devstack;

import io.headwater.contract.Topics;
import io.headwater.contract.access.ApiKey;
import io.headwater.contract.access.ApiKeyToken;
import io.headwater.contract.access.Roles;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dev stack's keys: one per role (producer, reader, auditor, admin), made on first start, their records
 * written to the keys topic and their tokens to {@code <dir>/<role>.key}, readable by the user only
 * ({@code ./headwater key producer} prints one); and the services' shared key ({@code service.key}), which is
 * on no topic. Kept across restarts with the data directory.
 */
public final class AccessKeys {

    /** The roles the dev stack makes a key for, each key holding exactly that role. */
    public static final List<String> ROLES = Roles.ASSIGNABLE;

    private AccessKeys() {
    }

    /** The token of each role's key under {@code dir}, made (and written to the topic) where missing. */
    public static Map<String, String> ensure(Path dir, Map<String, Object> kafka) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Map<String, String> tokens = new LinkedHashMap<>();
            Map<String, ApiKeyToken.Issued> issued = new LinkedHashMap<>();
            for (String role : ROLES) {
                Path file = file(dir, role);
                if (Files.isRegularFile(file)) {
                    tokens.put(role, Files.readString(file).strip());
                } else {
                    ApiKeyToken.Issued key = ApiKeyToken.issue(List.of(role), List.of(), "dev stack " + role + " key", "headwater up", null);
                    issued.put(role, key);
                    tokens.put(role, key.token().value());
                }
            }
            Path service = file(dir, Roles.SERVICE);
            if (!Files.isRegularFile(service)) {
                Files.writeString(service, ApiKeyToken.serviceKey() + "\n");
                Files.setPosixFilePermissions(service, PosixFilePermissions.fromString("rw-------"));
            }
            tokens.put(Roles.SERVICE, Files.readString(service).strip());
            if (!issued.isEmpty()) {
                publish(issued.values().stream().map(ApiKeyToken.Issued::key).toList(), kafka);
                for (Map.Entry<String, ApiKeyToken.Issued> key : issued.entrySet()) {
                    Path file = file(dir, key.getKey());
                    Files.writeString(file, key.getValue().token().value() + "\n");
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the dev stack's keys in " + dir, e);
        }
    }

    public static Path file(Path dir, String role) {
        return dir.resolve(role + ".key");
    }

    /** Writes key records to the keys topic and waits until all replicas have them. */
    static void publish(List<ApiKey> keys, Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "headwater-keys");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (ApiKey key : keys) {
                producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), key.id(), key.toJson())).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write keys to " + Topics.API_KEYS.name() + ": " + e.getMessage(), e);
        }
    }
}
