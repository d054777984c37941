package io.headwater.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headwater.testkit.BrowserChecks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long the web UI's decision page takes in a real browser ({@link BrowserChecks} in timing mode) from
 * navigation to its provenance graph drawn. Printed, never asserted; skipped, saying so, where chromium or
 * playwright-core is missing.
 */
final class BrowserTiming {

    private BrowserTiming() {
    }

    static void decisionPages(String queryUrl, List<String> decisionIds) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("headwater.home", ".")).toAbsolutePath().normalize();
        Optional<String> unavailable = BrowserChecks.unavailable(root);
        if (unavailable.isPresent()) {
            System.out.println("web UI: not timed, " + unavailable.get());
            return;
        }
        BrowserChecks.Outcome outcome = BrowserChecks.run(root, Map.of("HEADWATER_QUERY_URL", queryUrl, "HEADWATER_UI_MODE", "timing",
                "HEADWATER_UI_DATA", new ObjectMapper().writeValueAsString(Map.of("decisions", decisionIds))), Duration.ofMinutes(5));
        outcome.output().lines().filter(line -> line.startsWith("timing:") || line.startsWith("FAILED")).forEach(line -> System.out.println("web UI " + line));
    }
}
