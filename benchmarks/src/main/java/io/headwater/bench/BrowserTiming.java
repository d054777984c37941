package io.headwater.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the web UI's decision page takes in a real browser (Debian's chromium, through the browser suite's
 * playwright-core) from navigation to its provenance graph drawn. Printed, never asserted; skipped, saying so,
 * where chromium or playwright-core is missing.
 */
final class BrowserTiming {

    private BrowserTiming() {
    }

    static void decisionPages(String queryUrl, List<String> decisionIds) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("headwater.home", ".")).toAbsolutePath().normalize();
        Path suite = root.resolve("e2e-tests/src/test/ui");
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isDirectory(suite.resolve("node_modules/playwright-core"))) {
            System.out.println("web UI: not timed (needs " + chromium + " and npm ci --prefix e2e-tests/src/test/ui)");
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("node", "ui.spec.mjs").directory(suite.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("HEADWATER_QUERY_URL", queryUrl, "HEADWATER_UI_MODE", "timing",
                "HEADWATER_UI_DATA", new ObjectMapper().writeValueAsString(Map.of("decisions", decisionIds))));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(5, TimeUnit.MINUTES);
        output.lines().filter(line -> line.startsWith("timing:") || line.startsWith("FAILED")).forEach(line -> System.out.println("web UI " + line));
    }
}
