package io.headwater.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded KRaft broker in a process of its own, so that chaos tests can {@code kill -9} it as a
 * crash would (the in-process broker can only be shut down). Same data directory and ports on every
 * start, so a restart finds every acknowledged record.
 */
public final class BrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final Path logFile;
    private Process process;

    public BrokerProcess(Path dataDir, int port, int controllerPort, int partitions) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.logFile = dataDir.resolveSibling("broker.log");
    }

    /** Starts the broker process and waits until it answers and Headwater's topics exist. */
    public BrokerProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort), Integer.toString(partitions)));
        try {
            Path ready = dataDir.resolveSibling("broker.ready");
            Files.deleteIfExists(ready);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(ready)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker process did not start; see " + logFile);
                }
                Thread.sleep(100);
            }
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** SIGKILL, as a crash or an OOM kill would: no shutdown, no flush beyond what the OS already has. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The broker process itself: args dataDir port controllerPort partitions. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedKafka kafka = EmbeddedKafka.on(dataDir, Integer.parseInt(args[1]), Integer.parseInt(args[2])).start();
        kafka.createTopics(new TopicLayout(Integer.parseInt(args[3]), (short) 1));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        Files.writeString(dataDir.resolveSibling("broker.ready"), "ready");
        stopped.await();
    }
}
