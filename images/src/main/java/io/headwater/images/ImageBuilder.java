package io.headwater.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.OwnershipProvider;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds one of Headwater's OCI images with Jib, without a container engine: the service runs as user 185
 * from files owned by root (so a read-only root filesystem loses nothing), writes only to /tmp and its state
 * volume, and sizes its heap from the container's memory. Layers go from least to most often changed
 * (base, libraries, Quarkus, application), timestamps are fixed, so an unchanged input gives the same digest.
 */
public final class ImageBuilder {

    /** Where the images come from: the local base tree ({@link LocalBase}) or an image in a registry. */
    public sealed interface Base permits LocalTree, RegistryBase {
    }

    public record LocalTree(Path root) implements Base {
    }

    /** A JVM base image, e.g. eclipse-temurin:17-jre: its {@code java} must be on its PATH. */
    public record RegistryBase(String image) implements Base {
    }

    /** Where the images go: tarballs ({@code docker load}, {@code podman load}, {@code skopeo copy oci-archive:}) or a registry. */
    public sealed interface Target permits Tarballs, Registry {
    }

    public record Tarballs(Path dir) implements Target {
    }

    /** A registry and repository prefix, e.g. ghcr.io/acme: images are pushed as {@code <prefix>/headwater-<name>:<tag>}. */
    public record Registry(String prefix) implements Target {
    }

    /** What was built: the image's reference, its digest, and its tarball when written to one. */
    public record Built(String image, String digest, Optional<Path> tarball, Duration took) {
    }

    private static final FilePermissions FILE = FilePermissions.fromOctalString("644");
    private static final FilePermissions DIRECTORY = FilePermissions.fromOctalString("755");
    /** No sticky bit is possible in a layer; /tmp is replaced by an emptyDir in the chart anyway. */
    private static final FilePermissions WORLD_WRITABLE = FilePermissions.fromOctalString("777");

    private final Base base;
    private final Target target;
    private final Path cacheDir;
    private final PrintStream log;

    public ImageBuilder(Base base, Target target, Path cacheDir, PrintStream log) {
        this.base = base;
        this.target = target;
        this.cacheDir = cacheDir;
        this.log = log;
    }

    public Built build(ServiceImage service, String tag) throws Exception {
        service.app().missing().ifPresent(reason -> {
            throw new IllegalStateException(service.imageName() + ": " + reason);
        });
        long start = System.nanoTime();
        JibContainerBuilder image = from();
        for (ServiceImage.Layer layer : service.app().layers()) {
            FileEntriesLayer.Builder files = FileEntriesLayer.builder().setName(layer.name());
            for (ServiceImage.Entry entry : layer.entries()) {
                files.addEntryRecursive(entry.source(), AbsoluteUnixPath.get(entry.target()), (source, path) -> Files.isDirectory(source) ? DIRECTORY : FILE,
                        (source, path) -> Instant.ofEpochSecond(1), (source, path) -> "0:0");
            }
            image.addFileEntriesLayer(files.build());
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (base instanceof LocalTree) {
            env.put("PATH", LocalBase.PATH);
            env.put("JAVA_HOME", LocalBase.JAVA_HOME);
        }
        env.putAll(service.environment());
        image.setEntrypoint(service.entrypoint())
                .setUser(ServiceImage.USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(ServiceImage.APP_DIR))
                .setEnvironment(env)
                .setFormat(ImageFormat.OCI)
                .setLabels(labels(service, tag));
        service.port().ifPresent(port -> image.addExposedPort(Port.tcp(port)));
        if (service.stateful()) {
            image.addVolume(AbsoluteUnixPath.get(ServiceImage.STATE_DIR));
        }
        String reference = reference(service, tag);
        JibContainer container = image.containerize(containerizer(reference, service));
        Optional<Path> tarball = target instanceof Tarballs t ? Optional.of(tarball(t, service)) : Optional.empty();
        return new Built(reference, container.getDigest().toString(), tarball, Duration.ofNanos(System.nanoTime() - start));
    }

    private JibContainerBuilder from() throws IOException, InvalidImageReferenceException {
        if (base instanceof RegistryBase registry) {
            return Jib.from(withCredentials(registry.image()));
        }
        Path root = ((LocalTree) base).root();
        JibContainerBuilder image = Jib.fromScratch().setPlatforms(Set.of(new Platform(architecture(), "linux")));
        FileEntriesLayer.Builder os = FileEntriesLayer.builder().setName("os");
        try (Stream<Path> top = Files.list(root)) {
            for (Path entry : top.sorted().toList()) {
                if (!entry.getFileName().toString().equals("opt")) {
                    os.addEntryRecursive(entry, AbsoluteUnixPath.get("/" + entry.getFileName()), keepModes(), (source, path) -> Instant.ofEpochSecond(1),
                            serviceOwnsItsDirectories());
                }
            }
        }
        image.addFileEntriesLayer(os.build());
        image.addFileEntriesLayer(FileEntriesLayer.builder().setName("java")
                .addEntryRecursive(root.resolve(LocalBase.JAVA_HOME.substring(1)), AbsoluteUnixPath.get(LocalBase.JAVA_HOME), keepModes(),
                        (source, path) -> Instant.ofEpochSecond(1), (source, path) -> "0:0")
                .build());
        return image;
    }

    /** Executables and libraries keep their x bits; nothing is writable but /tmp and the service's own directories. */
    private static FilePermissionsProvider keepModes() {
        return (source, path) -> {
            if (path.toString().equals("/tmp")) {
                return WORLD_WRITABLE;
            }
            try {
                int bits = FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source)).getPermissionBits();
                return FilePermissions.fromOctalString(String.format("%03o", bits & 0755));
            } catch (IOException e) {
                return Files.isDirectory(source) ? DIRECTORY : FILE;
            }
        };
    }

    private static OwnershipProvider serviceOwnsItsDirectories() {
        return (source, path) -> path.toString().startsWith(ServiceImage.STATE_DIR) || path.toString().startsWith("/home/headwater")
                ? ServiceImage.USER : "0:0";
    }

    private Containerizer containerizer(String reference, ServiceImage service) throws IOException, InvalidImageReferenceException {
        Containerizer containerizer;
        if (target instanceof Tarballs tarballs) {
            Files.createDirectories(tarballs.dir());
            containerizer = Containerizer.to(TarImage.at(tarball(tarballs, service)).named(reference));
        } else {
            containerizer = Containerizer.to(withCredentials(reference));
        }
        Consumer<LogEvent> print = event -> {
            if (event.getLevel().compareTo(LogEvent.Level.LIFECYCLE) <= 0 && !event.getMessage().isBlank()) {
                log.println("images: " + service.imageName() + ": " + event.getMessage());
            }
        };
        return containerizer.setToolName("headwater-images")
                .setApplicationLayersCache(cacheDir.resolve("application"))
                .setBaseImageLayersCache(cacheDir.resolve("base"))
                .setOfflineMode(base instanceof LocalTree && target instanceof Tarballs)
                .addEventHandler(LogEvent.class, print);
    }

    /**
     * Registry credentials: HEADWATER_IMAGE_REGISTRY_USERNAME with HEADWATER_IMAGE_REGISTRY_PASSWORD or _PASSWORD_FILE,
     * else what {@code docker login} and the usual credential helpers stored.
     */
    private static RegistryImage withCredentials(String reference) throws InvalidImageReferenceException, IOException {
        RegistryImage image = RegistryImage.named(reference);
        String user = System.getenv("HEADWATER_IMAGE_REGISTRY_USERNAME");
        if (user != null && !user.isBlank()) {
            String passwordFile = System.getenv("HEADWATER_IMAGE_REGISTRY_PASSWORD_FILE");
            String password = passwordFile != null ? Files.readString(Path.of(passwordFile)).strip() : System.getenv("HEADWATER_IMAGE_REGISTRY_PASSWORD");
            image.addCredential(user, password == null ? "" : password);
        }
        CredentialRetrieverFactory helpers = CredentialRetrieverFactory.forImage(ImageReference.parse(reference), event -> { });
        return image.addCredentialRetriever(helpers.dockerConfig()).addCredentialRetriever(helpers.wellKnownCredentialHelpers());
    }

    private String reference(ServiceImage service, String tag) {
        String name = service.imageName() + ":" + tag;
        return target instanceof Registry registry ? registry.prefix().replaceAll("/+$", "") + "/" + name : name;
    }

    private static Path tarball(Tarballs tarballs, ServiceImage service) {
        return tarballs.dir().resolve(service.imageName() + ".tar");
    }

    private Map<String, String> labels(ServiceImage service, String tag) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", service.imageName());
        labels.put("org.opencontainers.image.description", service.description());
        labels.put("org.opencontainers.image.version", tag);
        labels.put("org.opencontainers.image.source", "https://github.com/headwater/headwater");
        labels.put("org.opencontainers.image.base.name", base instanceof RegistryBase registry ? registry.image() : "headwater local base (jlink "
                + System.getProperty("java.runtime.version") + ")");
        return labels;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("aarch64") ? "arm64" : arch.equals("x86_64") ? "amd64" : arch;
    }
}
