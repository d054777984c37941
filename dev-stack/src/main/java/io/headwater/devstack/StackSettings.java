package io.headwater.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Settings of the dev stack. Each is a system property, else the environment variable of the same
 * name upper-cased with '_' for '.' and '-' (headwater.ingest.port → HEADWATER_INGEST_PORT), else its
 * default in {@code headwater/stack-defaults.properties}, which ./headwater reads too.
 */
record StackSettings(Path home, int kafkaPort, int controllerPort, int registryPort, int ingestPort, int streamsPort,
                     int queryPort, int partitions, String heap) {

    static StackSettings load() {
        Path home = Path.of(setting("headwater.dir"));
        return new StackSettings(home,
                intSetting("headwater.kafka.port"),
                intSetting("headwater.kafka.controller-port"),
                intSetting("headwater.registry.port"),
                intSetting("headwater.ingest.port"),
                intSetting("headwater.streams.port"),
                intSetting("headwater.query.port"),
                intSetting("headwater.kafka.partitions", TopicLayout.defaults().partitions()),
                setting("headwater.service-heap"));
    }

    private static final Properties DEFAULTS = defaults();

    private static Properties defaults() {
        Properties defaults = new Properties();
        try (InputStream in = StackSettings.class.getResourceAsStream("/headwater/stack-defaults.properties")) {
            defaults.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("headwater/stack-defaults.properties is missing from the launcher's classpath", e);
        }
        return defaults;
    }

    private static String setting(String key) {
        return setting(key, DEFAULTS.getProperty(key));
    }

    private static int intSetting(String key) {
        return intSetting(key, Integer.parseInt(DEFAULTS.getProperty(key)));
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
