package io.headwater.devstack;

import java.nio.file.Path;

/**
 * Settings of the dev stack. Each is a system property, else the environment variable of the same
 * name upper-cased with '_' for '.' and '-' (headwater.ingest.port → HEADWATER_INGEST_PORT).
 */
record StackSettings(Path home, int kafkaPort, int controllerPort, int registryPort, int ingestPort, int streamsPort,
                     int queryPort, int partitions, String heap) {

    static StackSettings load() {
        Path home = Path.of(setting("headwater.dir", ".headwater"));
        return new StackSettings(home,
                intSetting("headwater.kafka.port", 9092),
                intSetting("headwater.kafka.controller-port", 9093),
                intSetting("headwater.registry.port", 8081),
                intSetting("headwater.ingest.port", 5000),
                intSetting("headwater.streams.port", 8082),
                intSetting("headwater.query.port", 8080),
                intSetting("headwater.kafka.partitions", TopicLayout.defaults().partitions()),
                setting("headwater.service-heap", "512m"));
    }

    Path dataDir() {
        return home.resolve("data");
    }

    Path logDir() {
        return home.resolve("logs");
    }

    static String setting(String key, String defaultValue) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static int intSetting(String key, int defaultValue) {
        String value = setting(key, String.valueOf(defaultValue));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number, not '" + value + "'");
        }
    }
}
