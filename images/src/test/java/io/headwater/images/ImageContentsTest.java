package io.headwater.images;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every image the chart pulls, built here without a container engine from the local base, and read back as
 * a runtime reads it: who it runs as, what it may write, how it starts and sizes its heap, what it exposes.
 */
class ImageContentsTest {

    static final Path HOME = Path.of(System.getProperty("headwater.home", "..")).toAbsolutePath().normalize();
    static final Path WORK = HOME.resolve("images/target");
    private static final Map<String, ImageBuilder.Built> BUILT = new HashMap<>();
    private static final Map<String, OciArchive> ARCHIVES = new HashMap<>();
    private static final long SERVICE_USER = 185;

    @BeforeAll
    static void buildEveryImage() throws Exception {
        ImageBuilder builder = builder(WORK.resolve("test-images"));
        for (ServiceImage image : ServiceImage.all(HOME)) {
            ImageBuilder.Built built = builder.build(image, "test");
            BUILT.put(image.name(), built);
            ARCHIVES.put(image.name(), OciArchive.read(built.tarball().orElseThrow()));
        }
    }

    static ImageBuilder builder(Path out) {
        return new ImageBuilder(new ImageBuilder.LocalTree(LocalBase.assemble(WORK, System.out)), new ImageBuilder.Tarballs(out),
                WORK.resolve("jib-cache"), System.out);
    }

    static List<String> names() {
        return ServiceImage.all(HOME).stream().map(ServiceImage::name).toList();
    }

    @Test
    void theImagesAreTheOnesTheChartPulls() throws Exception {
        assertThat(names()).containsExactly("ingest-service", "lineage-streams", "query-service", "schema-registry", "tools");
        String helpers = Files.readString(HOME.resolve("helm/headwater/templates/_helpers.tpl"));
        assertThat(helpers).contains("%s/headwater-%s:%s");
        List<String> pulled = new ArrayList<>();
        try (var templates = Files.list(HOME.resolve("helm/headwater/templates"))) {
            for (Path template : templates.toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"headwater.image\" \\(dict \"root\" \\. \"name\" \"([a-z-]+)\"\\)")
                        .matcher(Files.readString(template));
                while (m.find()) {
                    pulled.add(m.group(1));
                }
            }
        }
        assertThat(pulled).isNotEmpty();
        assertThat(names()).containsAll(pulled);
        assertThat(ImagesCommand.chartAppVersion(HOME)).as("images are tagged with the chart's appVersion by default").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(ARCHIVES.get("ingest-service").index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asText())
                .isEqualTo("headwater-ingest-service:test");
    }

    @ParameterizedTest
    @MethodSource("names")
    void runsAsTheChartsNonRootUserFromFilesItCannotChange(String name) {
        OciArchive image = ARCHIVES.get(name);
        JsonNode config = image.config.path("config");
        assertThat(config.path("User").asText()).isEqualTo(ServiceImage.USER);
        assertThat(image.files.get("/etc/passwd").content()).asString(StandardCharsets.UTF_8).contains("headwater:x:185:185:");
        List<String> writable = new ArrayList<>();
        List<String> setId = new ArrayList<>();
        for (OciArchive.File file : image.files.values()) {
            boolean allowed = file.path().equals("/tmp") || file.path().startsWith(ServiceImage.STATE_DIR) || file.path().startsWith("/home/headwater");
            if (file.writableBy(SERVICE_USER) && !allowed) {
                writable.add(file.path() + " " + Integer.toOctalString(file.mode()) + " " + file.uid());
            }
            if ((file.mode() & 06000) != 0) {
                setId.add(file.path());
            }
        }
        assertThat(writable).as("only /tmp and the state directory are the service user's to write").isEmpty();
        assertThat(setId).as("no setuid or setgid file").isEmpty();
        assertThat(image.files.get(ServiceImage.STATE_DIR).uid()).isEqualTo(SERVICE_USER);
        assertThat(image.files.get("/app").uid()).isZero();
        assertThat(image.files.keySet()).as("no shell, no package manager").doesNotContain("/bin/sh", "/usr/bin/apt", "/bin/bash");
    }

    @ParameterizedTest
    @MethodSource("names")
    void startsJavaFromItsOwnRuntimeWithTheHeapSizedFromTheContainersMemory(String name) {
        OciArchive image = ARCHIVES.get(name);
        JsonNode config = image.config.path("config");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        Map<String, String> env = env(image);
        assertThat(env.get("PATH")).startsWith(LocalBase.JAVA_HOME + "/bin:");
        OciArchive.File java = image.files.get(LocalBase.JAVA_HOME + "/bin/java");
        assertThat(java).isNotNull();
        assertThat(java.mode() & 0111).as("java is executable").isEqualTo(0111);
        assertThat(image.files).as("the dynamic loader and the C++ runtime RocksDB links").containsKeys("/lib64/ld-linux-x86-64.so.2");
        assertThat(image.files.keySet()).anyMatch(p -> p.endsWith("/libstdc++.so.6")).anyMatch(p -> p.endsWith("/libc.so.6"));
        String options = env.get("JAVA_TOOL_OPTIONS");
        assertThat(options).contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        assertThat(String.join(" ", entrypoint) + " " + options).as("no fixed heap: the container's limit decides").doesNotContain("-Xmx");
        if (name.equals("tools")) {
            assertThat(entrypoint).containsExactly("java", "-cp", "/app/lib/*", "io.headwater.devstack.Tools");
            assertThat(image.files.keySet()).anyMatch(p -> p.matches("/app/lib/headwater-dev-stack-.*\\.jar"));
        } else {
            assertThat(entrypoint).containsExactly("java", "-jar", "/app/quarkus-run.jar");
            assertThat(image.files).containsKeys("/app/quarkus-run.jar", "/app/app", "/app/lib/main", "/app/quarkus/quarkus-application.dat");
            assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0");
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void exposesItsPortAndKeepsStreamsStateOnAVolume(String name) {
        ServiceImage service = ServiceImage.all(HOME).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        JsonNode config = ARCHIVES.get(name).config.path("config");
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).isEqualTo(service.port().map(p -> List.of(p + "/tcp")).orElse(List.of()));
        List<String> volumes = new ArrayList<>();
        config.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        boolean stateful = name.equals("lineage-streams") || name.equals("query-service");
        assertThat(volumes).isEqualTo(stateful ? List.of(ServiceImage.STATE_DIR) : List.of());
        if (stateful) {
            assertThat(env(ARCHIVES.get(name))).containsEntry("KAFKA_STREAMS_STATE_DIR", ServiceImage.STATE_DIR + "/state");
        }
        assertThat(config.path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo("headwater-" + name);
    }

    @Test
    void theSameInputsGiveTheSameDigestAndTheLayersGoFromBaseToApplication() throws Exception {
        ImageBuilder.Built again = builder(WORK.resolve("test-images-again")).build(ServiceImage.all(HOME).get(0), "test");
        assertThat(again.digest()).isEqualTo(BUILT.get("ingest-service").digest());
        assertThat(ARCHIVES.get("ingest-service").manifest.path("layers").size()).isEqualTo(5);
        assertThat(ARCHIVES.get("ingest-service").manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    void anUnbuiltServiceIsRefusedWithWhatToRun() {
        ServiceImage unbuilt = new ServiceImage("ingest-service", "x", new ServiceImage.QuarkusApp(WORK.resolve("no-such-app")), Optional.of(5000), false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ImageBuilder builder = new ImageBuilder(new ImageBuilder.LocalTree(WORK.resolve("local-base")), new ImageBuilder.Tarballs(WORK.resolve("unbuilt")),
                WORK.resolve("jib-cache"), new PrintStream(log));
        assertThatThrownBy(() -> builder.build(unbuilt, "test")).hasMessageContaining("./headwater build");
        assertThatThrownBy(() -> ImagesCommand.select(ServiceImage.all(HOME), List.of("nope"))).hasMessageContaining("ingest-service");
    }

    static Map<String, String> env(OciArchive image) {
        Map<String, String> env = new HashMap<>();
        image.config.path("config").path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        return env;
    }
}
