package io.headwater.kafka.connection;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for naming a Kafka client setting in Headwater's configuration, shared by {@link KafkaConnection}
 * and the Streams services' {@link KafkaStreamsConnection}:
 * <ul>
 *   <li>{@code kafka.<client property>} in configuration, or {@code KAFKA_<CLIENT_PROPERTY>} in the environment
 *       (upper case, {@code _} for {@code .}): {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL};</li>
 *   <li>a name ending in {@code .file} ({@code _FILE}) names a file whose content is the value, as a mounted
 *       Kubernetes Secret gives it: {@code KAFKA_SASL_JAAS_CONFIG_FILE=/etc/headwater/kafka/jaas};</li>
 *   <li>only names Kafka's producer, consumer or admin client knows are taken (and {@code config.providers*}),
 *       so Headwater's own {@code kafka-streams.*} and unrelated {@code KAFKA_*} variables never leak in.</li>
 * </ul>
 */
public final class KafkaSettings {

    public static final String PREFIX = "kafka.";
    public static final String ENV_PREFIX = "KAFKA_";
    public static final String FILE_SUFFIX = ".file";

    private static final Set<String> CLIENT_PROPERTIES = clientProperties();

    private KafkaSettings() {
    }

    /** The client property a configuration or environment name stands for, if it is one. */
    public static Optional<String> property(String name) {
        String property;
        if (name.startsWith(PREFIX) && !name.startsWith("kafka-streams.")) {
            property = name.substring(PREFIX.length());
        } else if (name.startsWith(ENV_PREFIX) && !name.startsWith("KAFKA_STREAMS_")) {
            property = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        } else {
            return Optional.empty();
        }
        String base = property.endsWith(FILE_SUFFIX) ? property.substring(0, property.length() - FILE_SUFFIX.length()) : property;
        return known(base) ? Optional.of(property) : Optional.empty();
    }

    /**
     * Every client setting among these names, by property: {@code .file} ones read from their file, which wins
     * over the setting given directly (the Secret is the source of truth).
     *
     * @param lookup a name's value, as configuration resolves it
     */
    public static java.util.Map<String, String> collect(Iterable<String> names, java.util.function.Function<String, Optional<String>> lookup) {
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (String name : names) {
            property(name).ifPresent(property -> lookup.apply(name).filter(v -> !v.isBlank()).ifPresent(value -> {
                if (fromFile(property)) {
                    files.put(withoutFileSuffix(property), value);
                } else {
                    settings.put(property, value);
                }
            }));
        }
        files.forEach((property, path) -> settings.put(property, read(path)));
        return settings;
    }

    /** Whether the name (a {@link #property}) asks for its value to be read from a file. */
    public static boolean fromFile(String property) {
        return property.endsWith(FILE_SUFFIX) && known(property.substring(0, property.length() - FILE_SUFFIX.length()));
    }

    public static String withoutFileSuffix(String property) {
        return fromFile(property) ? property.substring(0, property.length() - FILE_SUFFIX.length()) : property;
    }

    /** A secret file's content, trailing newline dropped; the error names the file, never its content. */
    public static String read(String path) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka setting file " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether a client property carries a secret: its value is never logged or shown. */
    public static boolean secret(String property) {
        return property.contains("password") || property.contains("jaas") || property.contains("secret") || property.endsWith(".key")
                || property.contains("token");
    }

    private static boolean known(String property) {
        return CLIENT_PROPERTIES.contains(property) || property.startsWith("config.providers");
    }

    private static Set<String> clientProperties() {
        Set<String> names = new TreeSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
