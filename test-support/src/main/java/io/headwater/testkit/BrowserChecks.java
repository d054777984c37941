package io.headwater.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the web UI's browser script (e2e-tests/src/test/ui/ui.spec.mjs: playwright-core driving Debian's chromium)
 * against a running platform, for the end-to-end tests and the query benchmark alike. The script's environment says
 * what to open (see the script); its output and exit status come back.
 */
public final class BrowserChecks {

    private BrowserChecks() {
    }

    /** What the script printed and how it exited; exit -1 when it ran past its time and was killed. */
    public record Outcome(int exit, String output) {
    }

    public static Path suite(Path root) {
        return root.resolve("e2e-tests/src/test/ui");
    }

    /** Why the script cannot run here (no chromium, no playwright-core), or empty when it can. */
    public static Optional<String> unavailable(Path root) {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            return Optional.of(chromium + " is not installed (.ci/run installs Debian's chromium)");
        }
        if (!Files.isDirectory(suite(root).resolve("node_modules/playwright-core"))) {
            return Optional.of("playwright-core is not installed (npm ci --prefix e2e-tests/src/test/ui; ./headwater test does it)");
        }
        return Optional.empty();
    }

    public static Outcome run(Path root, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "ui.spec.mjs").directory(suite(root).toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new Outcome(-1, output);
        }
        return new Outcome(process.exitValue(), output);
    }
}
