package io.headwater.client;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM run captures by itself: git (remote without credentials, commit, branch, uncommitted
 * changes), the Java runtime, OS, the jars on the class path with their versions, the container
 * image and digest when told ({@code HEADWATER_CONTAINER_IMAGE}, {@code HEADWATER_IMAGE_DIGEST}),
 * GPUs from {@code nvidia-smi}. Every probe is best effort: what is missing is left out.
 */
public final class EnvironmentCapture {

    private static final Pattern JAR = Pattern.compile("(.+?)-(\\d[\\w.+-]*)\\.jar");
    private static final Pattern CUDA = Pattern.compile("CUDA Version:\\s*([0-9.]+)");
    private static final Pattern DIGEST = Pattern.compile("^[a-z0-9]+:[a-f0-9]{32,}$");

    private final Map<String, String> env;

    public EnvironmentCapture() {
        this(System.getenv());
    }

    /** @param env the environment to read PATH and Headwater's variables from (tests pass their own) */
    public EnvironmentCapture(Map<String, String> env) {
        this.env = env;
    }

    /** The Git facts of the directory, or empty outside a repository. Keys: root, commit, branch, remote, dirty. */
    public Optional<Map<String, Object>> git(Path directory) {
        Optional<String> top = run(directory, "git", "rev-parse", "--show-toplevel");
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Path root = Path.of(top.get().trim());
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("root", root.toString());
        run(root, "git", "rev-parse", "HEAD").map(String::trim).ifPresent(c -> git.put("commit", c));
        run(root, "git", "rev-parse", "--abbrev-ref", "HEAD").map(String::trim).filter(b -> !b.equals("HEAD")).ifPresent(b -> git.put("branch", b));
        run(root, "git", "config", "--get", "remote.origin.url").map(String::trim).filter(r -> !r.isEmpty())
                .ifPresent(r -> git.put("remote", withoutCredentials(r)));
        run(root, "git", "status", "--porcelain", "--untracked-files=no").ifPresent(s -> git.put("dirty", !s.isBlank()));
        return Optional.of(git);
    }

    /** Headwater's environment facet content (without _producer/_schemaURL). */
    public Map<String, Object> environment(Optional<Map<String, Object>> git) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("runtime", Map.of("name", "java", "version", System.getProperty("java.version")));
        environment.put("os", System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch"));
        environment.put("packages", packages(System.getProperty("java.class.path", "")));
        environment.put("gpus", gpus());
        String image = env.get("HEADWATER_CONTAINER_IMAGE");
        String digest = env.get("HEADWATER_IMAGE_DIGEST");
        if (image != null && image.contains("@") && digest == null) {
            digest = image.substring(image.indexOf('@') + 1);
            image = image.substring(0, image.indexOf('@'));
        }
        if (image != null) {
            environment.put("containerImage", image);
        }
        if (digest != null && DIGEST.matcher(digest).matches()) {
            environment.put("imageDigest", digest);
        }
        git.map(g -> g.get("dirty")).ifPresent(d -> environment.put("sourceDirty", d));
        return environment;
    }

    /** Jars on the class path named name-version.jar, by name. */
    static List<Map<String, String>> packages(String classPath) {
        Map<String, String> found = new TreeMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Matcher m = JAR.matcher(Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString());
            if (m.matches()) {
                found.putIfAbsent(m.group(1), m.group(2));
            }
        }
        List<Map<String, String>> packages = new ArrayList<>();
        found.forEach((name, version) -> packages.add(Map.of("name", name, "version", version)));
        return packages;
    }

    /** Each GPU nvidia-smi reports: model, driver, CUDA version, memory in MiB. */
    public List<Map<String, Object>> gpus() {
        Optional<String> listing = run(null, "nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader,nounits");
        if (listing.isEmpty()) {
            return List.of();
        }
        Matcher cuda = CUDA.matcher(run(null, "nvidia-smi").orElse(""));
        String cudaVersion = cuda.find() ? cuda.group(1) : null;
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (String line : listing.get().strip().split("\n")) {
            String[] fields = line.split(",");
            if (fields.length < 3 || fields[0].isBlank()) {
                continue;
            }
            Map<String, Object> gpu = new LinkedHashMap<>();
            gpu.put("model", fields[0].trim());
            gpu.put("driverVersion", fields[1].trim());
            if (cudaVersion != null) {
                gpu.put("cudaVersion", cudaVersion);
            }
            try {
                gpu.put("memoryMiB", (long) Double.parseDouble(fields[2].trim()));
            } catch (NumberFormatException e) {
                // left out
            }
            gpus.add(gpu);
        }
        return gpus;
    }

    static String withoutCredentials(String remote) {
        try {
            URI uri = URI.create(remote);
            if (uri.getScheme() != null && uri.getRawUserInfo() != null) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment()).toString();
            }
        } catch (Exception e) {
            // scp-style remotes (git@host:path) hold no secret
        }
        return remote;
    }

    /** The command's standard output, or empty when it is not on PATH, fails or takes over 10 s. */
    private Optional<String> run(Path directory, String command, String... args) {
        Optional<Path> executable = onPath(command);
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        List<String> line = new ArrayList<>();
        line.add(executable.get().toString());
        line.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Found in this capture's PATH, not the JVM's, so a stand-in can be put first. */
    private Optional<Path> onPath(String command) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
