package io.headwater.images;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The base of the images when no registry can be reached (the default): a distroless-style file tree
 * assembled on the build machine, with no shell and no package manager. It holds a Java runtime made by
 * {@code jlink} from the JDK that runs the build, the C libraries that runtime and Headwater's native
 * libraries (RocksDB, zstd, snappy, lz4) load, found with {@code ldd}, and the few files a JVM reads
 * from {@code /etc}. It needs a Linux build machine with glibc, and a JDK with its jmods; elsewhere use
 * {@code --base <image>} (e.g. eclipse-temurin:17-jre). Built once per JDK and reused.
 */
public final class LocalBase {

    /** Where the Java runtime goes in the image (the entrypoint's {@code java} is found on PATH). */
    public static final String JAVA_HOME = "/opt/java";
    public static final String PATH = JAVA_HOME + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** What the services need from the JDK: all of Java SE, and the JDK modules for SASL/Kerberos, JMX, JFR and jcmd. */
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.management",
            "jdk.management.agent", "jdk.jfr", "jdk.naming.dns", "jdk.net", "jdk.zipfs", "jdk.security.auth", "jdk.security.jgss",
            "jdk.jcmd", "jdk.attach");

    /** Libraries the JDK itself does not link but Headwater's native dependencies do (RocksDB: C++ runtime). */
    private static final List<String> NATIVE_DEPENDENCIES = List.of("libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2",
            "librt.so.1", "libm.so.6", "libz.so.1");
    private static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib");
    /** The JDK's desktop libraries (AWT, sound, fonts) are never loaded by a headless server; their X11 dependencies stay out. */
    private static final Pattern DESKTOP_LIBRARY = Pattern.compile("lib(awt.*|fontmanager|splashscreen|jsound|lcms|javajpeg|mlib_image|jawt)\\.so");
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    /** Directories the tree has, empty: mount points a container runtime fills, and the service's own state. */
    static final List<String> EMPTY_DIRS = List.of("tmp", "proc", "sys", "dev", "etc", "var/lib/headwater", "home/headwater");

    private final Path root;
    private final PrintStream log;

    private LocalBase(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    /** The tree under {@code workDir}, made now unless it was made before from the same JDK. */
    public static Path assemble(Path workDir, PrintStream log) {
        Path root = workDir.resolve("local-base");
        String stamp = System.getProperty("java.home") + " " + System.getProperty("java.runtime.version") + " " + MODULES;
        try {
            Path marker = workDir.resolve("local-base.built");
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp) && Files.isDirectory(root)) {
                return root;
            }
            requireLinux();
            deleteTree(root);
            Files.createDirectories(root);
            new LocalBase(root, log).build();
            Files.writeString(marker, stamp);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not assemble the local base image in " + root, e);
        }
    }

    private void build() throws IOException {
        long start = System.nanoTime();
        jlink();
        Set<Path> libraries = libraries();
        for (Path library : libraries) {
            Path target = root.resolve(library.toString().substring(1));
            Files.createDirectories(target.getParent());
            // Copies what a symlink points to, under the name the loader asks for: image layers hold no links.
            Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String dir : EMPTY_DIRS) {
            Files.createDirectories(root.resolve(dir));
        }
        etc();
        log.printf("images: local base assembled from %s (%d C libraries) in %.1f s%n", System.getProperty("java.home"), libraries.size(),
                (System.nanoTime() - start) / 1e9);
    }

    private void jlink() {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "the local base needs jlink: build with a full JDK (" + System.getProperty("java.home") + " has none), or use --base <image>"));
        StringWriter output = new StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(output);
        int status = jlink.run(out, out, "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages", "--no-header-files",
                "--compress=2", "--output", root.resolve(JAVA_HOME.substring(1)).toString());
        out.flush();
        if (status != 0) {
            throw new IllegalStateException("jlink failed (" + status + "): " + output + " (a JDK without jmods cannot jlink: use --base <image>)");
        }
    }

    /** The C libraries the runtime and the native dependencies load, and theirs in turn, with the dynamic loader. */
    private Set<Path> libraries() throws IOException {
        Deque<Path> pending = new ArrayDeque<>();
        Path java = root.resolve(JAVA_HOME.substring(1));
        pending.add(java.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(java.resolve("lib"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".so"))
                    .filter(f -> !DESKTOP_LIBRARY.matcher(f.getFileName().toString()).matches())
                    .forEach(pending::add);
        }
        for (String name : NATIVE_DEPENDENCIES) {
            systemLibrary(name).ifPresent(pending::add);
        }
        // The runtime's own libraries (libjvm.so, libjava.so) are found by the JVM itself, not by the loader's path.
        Set<String> own = new java.util.HashSet<>();
        pending.forEach(f -> own.add(f.getFileName().toString()));
        Set<Path> seen = new LinkedHashSet<>();
        Set<Path> libraries = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Path file = pending.poll();
            if (!seen.add(file)) {
                continue;
            }
            if (!file.startsWith(root)) {
                libraries.add(file);
            }
            for (Path dependency : ldd(file, own)) {
                if (!dependency.startsWith(root)) {
                    pending.add(dependency);
                }
            }
        }
        return libraries;
    }

    private static java.util.Optional<Path> systemLibrary(String name) {
        return LIBRARY_DIRS.stream().map(dir -> Path.of(dir, name)).filter(Files::isRegularFile).findFirst();
    }

    private static List<Path> ldd(Path file, Set<String> own) throws IOException {
        Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            ldd.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<Path> found = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("not found") && !own.contains(line.trim().split("\\s")[0])) {
                throw new IllegalStateException(file + " needs a library this machine lacks: " + line.trim());
            }
            Matcher m = LDD_LINE.matcher(line);
            if (m.find()) {
                found.add(Path.of(m.group(1)).normalize());
            }
        }
        return found;
    }

    /** What the JVM and glibc read: users (the service user's home is writable only where a volume is), name lookup order, localhost. */
    private void etc() throws IOException {
        Path etc = root.resolve("etc");
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\nheadwater:x:185:185:Headwater:/home/headwater:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nheadwater:x:185:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        // Container runtimes mount their own /etc/hosts and /etc/resolv.conf over these.
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    }

    private static void requireLinux() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            throw new IllegalStateException("the local base is assembled from this machine's Linux libraries; on "
                    + System.getProperty("os.name") + " use --base <image> (e.g. eclipse-temurin:17-jre)");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
