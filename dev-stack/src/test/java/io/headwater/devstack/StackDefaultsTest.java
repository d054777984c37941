package io.headwater.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev stack's port defaults (one file, read by ./headwater and the launcher) are the ports each service binds by itself. */
class StackDefaultsTest {

    @Test
    void eachServicesOwnPortIsTheStacksDefaultForIt() throws IOException {
        Properties defaults = new Properties();
        try (var in = StackSettings.class.getResourceAsStream("/headwater/stack-defaults.properties")) {
            defaults.load(in);
        }
        Map<String, String> expected = Map.of("ingest-service", defaults.getProperty("headwater.ingest.port"),
                "query-service", defaults.getProperty("headwater.query.port"),
                "lineage-streams", defaults.getProperty("headwater.streams.port"),
                "schema-registry", defaults.getProperty("headwater.registry.port"));
        Path root = Path.of("").toAbsolutePath().getParent();
        expected.forEach((module, port) -> {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(root.resolve(module).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(properties.getProperty("quarkus.http.port")).as(module).isEqualTo(port).isNotBlank();
        });
    }
}
