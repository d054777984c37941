package io.headwater.images;

import io.headwater.contract.Topics;
import io.headwater.devstack.EmbeddedKafka;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.LocalPlatform;
import io.headwater.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images run as a container runtime runs them, with no container engine: each image's layers unpacked
 * into a root filesystem, mounted read-only in a mount namespace of its own with a tmpfs on /tmp and on the
 * state volume, entered with chroot as the image's user (185), its environment and entrypoint from its
 * config. The ingest and lineage-streams images then carry a real Spark job's events from HTTP to the graph
 * topic on the test's broker (RocksDB's native library loading inside the image), and the tools image checks
 * the topics. Needs root, unshare and chroot (a container engine's own needs); skipped where they are missing.
 */
class ImagesRunIT {

    private static final Path WORK = ImageContentsTest.WORK;
    private static final Duration READY = Duration.ofSeconds(120);
    private static LocalPlatform platform;
    private static final List<Process> running = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue("root".equals(System.getProperty("user.name")), "running an image without a container engine needs root (mount namespaces, chroot)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/sbin/chroot")), "needs util-linux unshare and chroot");
        platform = new LocalPlatform(false, LocalPlatform.SMALL_JVM);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : running) {
            // The image's JVM first: it changed its user on entering the image, which clears the parent-death signal
            // unshare --kill-child set, so it would outlive unshare.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (platform != null) {
            platform.close();
        }
        deleteRootFilesystems();
    }

    /** The unpacked images (some 150 MB each), this run's and any a killed run left. */
    private static void deleteRootFilesystems() throws IOException {
        if (!Files.isDirectory(WORK)) {
            return;
        }
        try (var dirs = Files.list(WORK)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("rootfs-") || d.getFileName().toString().startsWith("keys-")).toList()) {
                try (var tree = Files.walk(dir)) {
                    for (Path file : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    @Test
    void theServiceImagesCarryASparkJobFromHttpToTheGraphReadOnlyAsTheServiceUser() throws Exception {
        int ingestPort = EmbeddedKafka.freePort();
        Process ingest = run("ingest-service", Map.of("QUARKUS_HTTP_PORT", String.valueOf(ingestPort)), List.of());
        Process streams = run("lineage-streams", Map.of("QUARKUS_HTTP_PORT", String.valueOf(EmbeddedKafka.freePort())), List.of());
        // The images run as deployed: keys required (the test platform's own services run open, on loopback).
        java.util.Map<String, String> keys = io.headwater.devstack.AccessKeys.ensure(Files.createTempDirectory(WORK, "keys-"),
                Map.of("bootstrap.servers", platform.bootstrapServers()));
        Http http = new Http().withAuthorization("Bearer " + keys.get("producer"));
        awaitReady(http, "http://127.0.0.1:" + ingestPort, ingest, "ingest-service");
        assertThat(new Http().post("http://127.0.0.1:" + ingestPort + "/api/v1/lineage", "{}").status()).as("no key, no entry").isEqualTo(401);
        assertThat(status(ingest)).as("the entrypoint's JVM runs as the image's user").contains("Uid:\t185\t185\t185\t185");
        assertThat(rootMount(ingest)).as("its root filesystem is read-only").contains("ro");

        List<Path> events = Fixtures.events("spark-captured");
        for (Path event : events) {
            http.post("http://127.0.0.1:" + ingestPort + "/api/v1/lineage", Files.readString(event)).expect(201);
        }
        var nodes = TopicReader.raw(platform.bootstrapServers(), Topics.GRAPH_NODES.name(), records -> records.size() >= 5, READY);
        assertThat(nodes).as("lineage-streams from its image (RocksDB loaded from /tmp of a read-only root) projected the job").hasSizeGreaterThanOrEqualTo(5);
        assertThat(streams.isAlive()).as(log("lineage-streams")).isTrue();
        assertThat(log("lineage-streams")).doesNotContain("UnsatisfiedLinkError", "Read-only file system");
    }

    @Test
    void theToolsImageChecksTheTopicsOnTheCluster() throws Exception {
        Process tools = run("tools", Map.of(), List.of("topics", "check", "--partitions", String.valueOf(Integer.getInteger("headwater.kafka.partitions",
                io.headwater.devstack.TopicLayout.defaults().partitions()))));
        assertThat(tools.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tools.exitValue()).as(log("tools")).isZero();
        assertThat(log("tools")).contains("topics: check on", Topics.LINEAGE.name());
    }

    /** Unpacks the image and starts its entrypoint (with {@code args}) in a read-only root as the image's user. */
    private static Process run(String name, Map<String, String> settings, List<String> args) throws Exception {
        Path tarball = WORK.resolve("test-images").resolve("headwater-" + name + ".tar");
        if (!Files.isRegularFile(tarball)) {
            ImageContentsTest.builder(WORK.resolve("test-images")).build(ServiceImage.all(ImageContentsTest.HOME).stream()
                    .filter(i -> i.name().equals(name)).findFirst().orElseThrow(), "test");
        }
        OciArchive image = OciArchive.read(tarball);
        Path root = Files.createTempDirectory(WORK, "rootfs-" + name + "-");
        // A runtime's root directory is 755 (a temporary directory is 700, which the image's user could not enter).
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        image.unpack(root);
        Map<String, String> env = new HashMap<>(ImageContentsTest.env(image));
        // A chart user's javaOptions: a small heap for a small CI machine.
        env.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("HEADWATER_SCHEMA_REGISTRY_URL", platform.registryUrl());
        env.putAll(settings);
        String script = String.join("\n",
                "set -e",
                "r=\"$1\"; shift",
                "mount --bind \"$r\" \"$r\"",
                "mount -o remount,bind,ro \"$r\"",
                "mount -t tmpfs -o mode=1777 tmpfs \"$r/tmp\"",
                "mount -t tmpfs -o uid=185,gid=185,mode=0750 tmpfs \"$r" + ServiceImage.STATE_DIR + "\"",
                "mount -t proc proc \"$r/proc\"",
                "mount --rbind /dev \"$r/dev\"",
                "exec /usr/sbin/chroot --userspec=" + image.config.path("config").path("User").asText() + " \"$r\" \"$@\"");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--propagation", "private", "--fork", "--kill-child",
                "/bin/sh", "-c", script, "sh", root.toString()));
        image.config.path("config").path("Entrypoint").forEach(e -> command.add(e.asText()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile(name).toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        running.add(process);
        return process;
    }

    private static void awaitReady(Http http, String url, Process process, String name) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(name + " exited: " + log(name)).isTrue();
            try {
                if (http.get(url + "/q/health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " was not ready in " + READY + ": " + log(name));
    }

    /** The JVM's /proc status: the chroot'ed java is the child of unshare's forked shell, which exec'ed it. */
    private static String status(Process unshare) throws IOException {
        long java = unshare.children().findFirst().orElseThrow().pid();
        return Files.readString(Path.of("/proc", String.valueOf(java), "status"));
    }

    private static String rootMount(Process unshare) throws IOException {
        long java = unshare.children().findFirst().orElseThrow().pid();
        return Files.readAllLines(Path.of("/proc", String.valueOf(java), "mountinfo")).stream()
                .filter(line -> line.split(" ")[4].equals("/")).findFirst().map(line -> line.split(" ")[5]).orElse("");
    }

    private static Path logFile(String name) {
        return WORK.resolve("image-" + name + ".log");
    }

    private static String log(String name) {
        try {
            return Files.readString(logFile(name));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
