package io.headwater.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What goes into one of Headwater's images: the built application, how it starts, and the port and state
 * directory it has. The names are those the chart pulls ({@code headwater-<name>}).
 *
 * @param name        the chart's name for it: ingest-service, lineage-streams, query-service, schema-registry, tools
 * @param description the image's description label
 * @param app         the built application: a Quarkus fast-jar directory, or a jar with its library directory
 * @param port        the HTTP port it listens on, if any
 * @param stateful    whether it keeps Kafka Streams state (under {@link #STATE_DIR}, a volume)
 */
public record ServiceImage(String name, String description, App app, Optional<Integer> port, boolean stateful) {

    /** The application's files in the image: read-only, owned by root. */
    public static final String APP_DIR = "/app";
    /** Kafka Streams state (RocksDB): a volume, the only place the service user may write besides /tmp. */
    public static final String STATE_DIR = "/var/lib/headwater";
    /** The user the services run as, the one the chart's securityContext names (runAsUser, fsGroup). */
    public static final String USER = "185:185";

    public String imageName() {
        return "headwater-" + name;
    }

    public List<String> entrypoint() {
        return app.entrypoint();
    }

    /** The settings every container of this image starts with; the chart and {@code docker run -e} override them. */
    public Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        // The heap follows the container's memory limit (the JVM reads its cgroup); no fixed -Xmx.
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.awt.headless=true");
        if (port.isPresent()) {
            // The services bind 127.0.0.1 on a developer's machine; in a container they must answer on every interface.
            env.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        }
        if (stateful) {
            env.put("KAFKA_STREAMS_STATE_DIR", STATE_DIR + "/state");
        }
        return env;
    }

    /** Every image, built from the repository at {@code home} (after {@code ./headwater build}). */
    public static List<ServiceImage> all(Path home) {
        return List.of(
                new ServiceImage("ingest-service", "Headwater ingest: OpenLineage events, decisions and monitoring in, Avro on Kafka out",
                        new QuarkusApp(home.resolve("ingest-service/target/quarkus-app")), Optional.of(5000), false),
                new ServiceImage("lineage-streams", "Headwater lineage-streams: the provenance graph and drift detection (Kafka Streams)",
                        new QuarkusApp(home.resolve("lineage-streams/target/quarkus-app")), Optional.of(8082), true),
                new ServiceImage("query-service", "Headwater query: provenance, lineage, runs, models and the web page",
                        new QuarkusApp(home.resolve("query-service/target/quarkus-app")), Optional.of(8080), true),
                new ServiceImage("schema-registry", "Headwater's schema registry (Confluent Schema Registry API, schemas kept on Kafka)",
                        new QuarkusApp(home.resolve("schema-registry/target/quarkus-app")), Optional.of(8081), false),
                new ServiceImage("tools", "Headwater tools: topics check|apply against any cluster (the chart's topics Job)",
                        new ClassPathApp(home.resolve("dev-stack/target"), "headwater-dev-stack", "io.headwater.devstack.Tools"), Optional.empty(), false));
    }

    /** The built application's files and how to start it. */
    public sealed interface App permits QuarkusApp, ClassPathApp {
        /** Layers, least often changed first, all under {@link #APP_DIR}. */
        List<Layer> layers();

        List<String> entrypoint();

        /** Why it cannot be packaged yet (not built), if so. */
        Optional<String> missing();
    }

    /** A layer of the image: each entry's file or directory tree copied to its path in the image. */
    public record Layer(String name, List<Entry> entries) {
        Layer(String name, Entry... entries) {
            this(name, List.of(entries));
        }
    }

    /** A file or directory on the build machine and its path in the image. */
    public record Entry(Path source, String target) {
    }

    /** A Quarkus fast-jar ({@code target/quarkus-app}): libraries, Quarkus' own files, then the application's classes. */
    public record QuarkusApp(Path dir) implements App {
        @Override
        public List<Layer> layers() {
            return List.of(
                    new Layer("libraries", new Entry(dir.resolve("lib"), APP_DIR + "/lib")),
                    new Layer("quarkus", new Entry(dir.resolve("quarkus"), APP_DIR + "/quarkus"),
                            new Entry(dir.resolve("quarkus-run.jar"), APP_DIR + "/quarkus-run.jar")),
                    new Layer("application", new Entry(dir.resolve("app"), APP_DIR + "/app")));
        }

        @Override
        public List<String> entrypoint() {
            return List.of("java", "-jar", APP_DIR + "/quarkus-run.jar");
        }

        @Override
        public Optional<String> missing() {
            return Files.isRegularFile(dir.resolve("quarkus-run.jar")) ? Optional.empty()
                    : Optional.of(dir + " has no quarkus-run.jar: run ./headwater build first");
        }
    }

    /** A plain jar ({@code <target>/<artifact>-<version>.jar}) with its runtime libraries in {@code <target>/lib}. */
    public record ClassPathApp(Path target, String artifact, String mainClass) implements App {
        @Override
        public List<Layer> layers() {
            return List.of(
                    new Layer("libraries", new Entry(target.resolve("lib"), APP_DIR + "/lib")),
                    new Layer("application", new Entry(jar(), APP_DIR + "/lib/" + jar().getFileName())));
        }

        @Override
        public List<String> entrypoint() {
            return List.of("java", "-cp", APP_DIR + "/lib/*", mainClass);
        }

        @Override
        public Optional<String> missing() {
            if (!Files.isDirectory(target.resolve("lib"))) {
                return Optional.of(target.resolve("lib") + " is missing: run ./headwater build first");
            }
            return jar().toFile().isFile() ? Optional.empty() : Optional.of("no " + artifact + " jar in " + target + ": run ./headwater build first");
        }

        private Path jar() {
            try (var files = Files.list(target)) {
                return files.filter(f -> f.getFileName().toString().startsWith(artifact + "-") && f.getFileName().toString().endsWith(".jar"))
                        .findFirst().orElse(target.resolve(artifact + ".jar"));
            } catch (java.io.IOException e) {
                return target.resolve(artifact + ".jar");
            }
        }
    }
}
