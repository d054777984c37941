package io.headwater.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Headwater service (a Quarkus runnable jar) running as a child process, the way a user's
 * machine runs it: configured by system properties, its output in a log file, and considered up
 * once {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the jar with the given configuration and waits until it is ready.
     *
     * @param config Quarkus/Headwater configuration keys, passed as -D system properties
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> config, Path logFile,
                                       List<String> jvmOptions, Duration readyTimeout) {
        ServiceProcess service = launch(name, jar, port, config, logFile, jvmOptions, false);
        service.awaitReady(readyTimeout);
        return service;
    }

    /**
     * Starts the jar without waiting for it. With {@code dieWithParent} (Linux, where util-linux's setpriv
     * exists) the kernel kills the service when the thread that started it dies, so a {@code kill -9} of the
     * launcher leaves no orphan holding the ports: start such services from one long-lived thread.
     */
    public static ServiceProcess launch(String name, Path jar, int port, Map<String, String> config, Path logFile,
                                        List<String> jvmOptions, boolean dieWithParent) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build it first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        if (dieWithParent && Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ServiceProcess(name, process, port, logFile);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, however it ended. */
    public java.util.concurrent.CompletableFuture<Void> onExit() {
        return process.onExit().thenApply(p -> null);
    }

    /** The exit code, once it has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** GET /q/health/live: 200 up, 503 down, -1 no answer within the timeout. */
    public int liveness(Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/live")).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills the process at once, as a crash or OOM kill would (no shutdown hooks run). */
    public void kill() {
        process.destroyForcibly();
        waitForExit(10);
    }

    /** Waits until /q/health/ready answers 200; stops the process and throws if it does not in time. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(url() + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before it was ready; last lines of "
                        + logFile + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; last lines of " + logFile + ":\n" + tail(40));
    }

    /** The last lines the service wrote, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the service gracefully (SIGTERM), forcibly if it has not exited after 30 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitForExit(30)) {
                process.destroyForcibly();
                waitForExit(10);
            }
        }
    }

    private boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
