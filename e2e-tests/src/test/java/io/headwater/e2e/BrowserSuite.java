package io.headwater.e2e;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the web UI's browser checks (src/test/ui/ui.spec.mjs: playwright-core driving Debian's chromium) against a
 * running platform. Skipped, saying so, where chromium or the npm package is missing; .ci/run installs both.
 */
final class BrowserSuite {

    static final Path ROOT = Path.of(System.getProperty("headwater.home", "..")).toAbsolutePath().normalize();
    static final Path SUITE = ROOT.resolve("e2e-tests/src/test/ui");
    /** Where each page type's screenshot is written; the README's are copies of these. */
    static final Path SCREENSHOTS = ROOT.resolve("e2e-tests/target/screenshots");

    private BrowserSuite() {
    }

    static void run(Map<String, String> environment) throws IOException, InterruptedException {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(chromium)), "chromium is not installed (.ci/run installs it): the browser checks are skipped");
        Assumptions.assumeTrue(Files.isDirectory(SUITE.resolve("node_modules/playwright-core")),
                "playwright-core is not installed (npm ci --prefix e2e-tests/src/test/ui; .ci/run does it): the browser checks are skipped");
        ProcessBuilder builder = new ProcessBuilder("node", "ui.spec.mjs").directory(SUITE.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("HEADWATER_SCREENSHOTS", SCREENSHOTS.toString());
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        System.out.println(output);
        assertThat(ended).as("the browser checks ended within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("all checks held");
    }
}
