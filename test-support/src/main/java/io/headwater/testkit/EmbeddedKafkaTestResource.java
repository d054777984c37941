package io.headwater.testkit;

import io.headwater.devstack.EmbeddedKafka;
import io.headwater.devstack.TopicLayout;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real KRaft broker with Headwater's topics before a {@code @QuarkusTest} application
 * boots, and points the application at it. Used with {@code @QuarkusTestResource}.
 */
public class EmbeddedKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("headwater-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.on(dataDir, 0, 0).start();
        kafka.createTopics(TopicLayout.defaults());
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /** The broker's data directory, also a place for the logs of processes a test starts. */
    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
