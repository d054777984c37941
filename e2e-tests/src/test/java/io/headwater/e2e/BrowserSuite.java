package io.headwater.e2e;

import io.headwater.testkit.BrowserChecks;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the web UI's browser checks ({@link BrowserChecks}) against a running platform. Skipped, saying so, where
 * chromium or the npm package is missing; .ci/run installs both.
 */
final class BrowserSuite {

    static final Path ROOT = Path.of(System.getProperty("headwater.home", "..")).toAbsolutePath().normalize();
    /** Where each page type's screenshot is written; the README's are copies of these. */
    static final Path SCREENSHOTS = ROOT.resolve("e2e-tests/target/screenshots");

    private BrowserSuite() {
    }

    static void run(Map<String, String> environment) throws IOException, InterruptedException {
        BrowserChecks.unavailable(ROOT).ifPresent(why -> Assumptions.abort(why + ": the browser checks are skipped"));
        Map<String, String> env = new HashMap<>(environment);
        env.put("HEADWATER_SCREENSHOTS", SCREENSHOTS.toString());
        BrowserChecks.Outcome outcome = BrowserChecks.run(ROOT, env, Duration.ofMinutes(5));
        System.out.println(outcome.output());
        assertThat(outcome.exit()).as("the browser checks ended within 5 minutes, all held: " + outcome.output()).isZero();
        assertThat(outcome.output()).contains("all checks held");
    }
}
