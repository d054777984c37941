package io.headwater.kafka.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How a service reaches Kafka: the bootstrap servers and every client setting a secured cluster needs
 * (SASL, TLS, client ids), named as {@link KafkaSettings} says. Each client a service builds starts from
 * these and adds what it must have itself ({@link #with}); what the service sets for correctness
 * (acks, idempotence, record sizes) wins over configuration. {@link #toString()} shows names, never values.
 */
public final class KafkaConnection {

    private final Map<String, Object> settings;

    private KafkaConnection(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** Bootstrap servers only: a plaintext cluster such as the embedded dev stack's. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(Map.of("bootstrap.servers", bootstrapServers));
    }

    /**
     * @param names  every configuration name the service sees (properties, system properties, environment)
     * @param lookup the value of a name, as configuration resolves it
     */
    public static KafkaConnection from(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, Object> settings = new TreeMap<>(KafkaSettings.collect(names, lookup));
        if (!settings.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("no Kafka bootstrap servers: set kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)");
        }
        return new KafkaConnection(settings);
    }

    /** From MicroProfile configuration (properties, system properties and environment); logs how it connects, secrets hidden. */
    public static KafkaConnection from(org.eclipse.microprofile.config.Config config) {
        Set<String> names = new TreeSet<>();
        config.getPropertyNames().forEach(names::add);
        KafkaConnection connection = from(names, name -> config.getOptionalValue(name, String.class));
        org.slf4j.LoggerFactory.getLogger(KafkaConnection.class).info("Kafka: {}", connection);
        return connection;
    }

    /** These settings with the client's own on top. */
    public Map<String, Object> with(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(settings);
        config.putAll(own);
        return config;
    }

    public Map<String, Object> settings() {
        return settings;
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }

    /** The settings' names, secrets marked: safe for a log line or a health answer. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((name, value) -> shown.put(name, KafkaSettings.secret(name) ? "[hidden]" : String.valueOf(value)));
        return shown;
    }

    @Override
    public String toString() {
        return "KafkaConnection" + redacted();
    }
}
