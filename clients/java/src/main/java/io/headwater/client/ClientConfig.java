package io.headwater.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the clients send to and how: ingest's URL ({@code HEADWATER_URL}, default
 * http://127.0.0.1:5000), an API key sent as {@code Authorization: Bearer} ({@code HEADWATER_API_KEY}),
 * the spool directory for events ingest could not take ({@code HEADWATER_SPOOL_DIR}, default
 * ~/.headwater/spool) and the request timeout.
 */
public record ClientConfig(String url, String apiKey, Path spoolDir, Duration timeout) {

    public ClientConfig {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** From the environment, with the defaults above. */
    public static ClientConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static ClientConfig fromEnvironment(Map<String, String> env) {
        return new ClientConfig(env.getOrDefault("HEADWATER_URL", "http://127.0.0.1:5000"), env.get("HEADWATER_API_KEY"),
                Path.of(env.getOrDefault("HEADWATER_SPOOL_DIR", Path.of(System.getProperty("user.home"), ".headwater", "spool").toString())),
                Duration.ofSeconds(5));
    }

    public ClientConfig withUrl(String newUrl) {
        return new ClientConfig(newUrl, apiKey, spoolDir, timeout);
    }

    public ClientConfig withSpoolDir(Path dir) {
        return new ClientConfig(url, apiKey, dir, timeout);
    }

    public ClientConfig withApiKey(String key) {
        return new ClientConfig(url, key, spoolDir, timeout);
    }

    public ClientConfig withTimeout(Duration newTimeout) {
        return new ClientConfig(url, apiKey, spoolDir, newTimeout);
    }
}
