package io.headwater.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded broker until the process is told to stop (SIGTERM or Ctrl-C), creating
 * Headwater's topics on start. Configured by system properties or environment variables:
 * <ul>
 *   <li>{@code headwater.kafka.data-dir} / {@code HEADWATER_KAFKA_DATA_DIR}: data directory (default {@code .headwater/data/kafka})</li>
 *   <li>{@code headwater.kafka.port} / {@code HEADWATER_KAFKA_PORT}: client port (default 9092)</li>
 *   <li>{@code headwater.kafka.controller-port} / {@code HEADWATER_KAFKA_CONTROLLER_PORT}: controller port (default 9093)</li>
 *   <li>{@code headwater.kafka.partitions} / {@code HEADWATER_KAFKA_PARTITIONS}: partitions of new topics (default 6)</li>
 * </ul>
 */
public final class EmbeddedKafkaMain {

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(setting("headwater.kafka.data-dir", ".headwater/data/kafka"));
        int port = Integer.parseInt(setting("headwater.kafka.port", "9092"));
        int controllerPort = Integer.parseInt(setting("headwater.kafka.controller-port", "9093"));
        int partitions = Integer.parseInt(setting("headwater.kafka.partitions", "6"));

        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.on(dataDir, port, controllerPort).start();
        } catch (EmbeddedKafka.PortInUseException e) {
            System.err.println("headwater: " + e.getMessage());
            System.exit(2);
            return;
        }
        kafka.createTopics(new TopicLayout(partitions, (short) 1));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("Kafka ready at " + kafka.bootstrapServers());
        stopped.await();
    }

    /** A system property, else the environment variable of the same name upper-cased with _ for . and -. */
    static String setting(String key, String defaultValue) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
