package io.headwater.security;

import io.headwater.kafka.connection.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * How a service lets callers in. {@code headwater.auth.mode}: {@code keys} (the default: every endpoint but
 * health needs an API key from the keys topic) or {@code open} (every caller is the local user with every
 * role: for experiments on one machine, and refused unless the service listens on loopback only).
 * {@code headwater.auth.service-key} (or {@code -file}): the deployment's shared service key (at least 32
 * characters; the chart generates one into a Secret), which every service presents to its peers and to the
 * registry and accepts from them as the {@code service} role. A user's key never has that role.
 */
@ApplicationScoped
public class AccessSettings {

    public enum Mode { KEYS, OPEN }

    private final Mode mode;
    private final String httpHost;
    private final Optional<String> serviceKey;

    public AccessSettings(@ConfigProperty(name = "headwater.auth.mode", defaultValue = "keys") String mode,
                          @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String httpHost,
                          @ConfigProperty(name = "headwater.auth.service-key") Optional<String> serviceKey,
                          @ConfigProperty(name = "headwater.auth.service-key-file") Optional<String> serviceKeyFile) {
        this.mode = switch (mode.strip().toLowerCase()) {
            case "keys" -> Mode.KEYS;
            case "open" -> Mode.OPEN;
            default -> throw new IllegalArgumentException("headwater.auth.mode must be keys or open, not '" + mode + "'");
        };
        this.httpHost = httpHost;
        this.serviceKey = serviceKey.filter(s -> !s.isBlank()).or(() -> serviceKeyFile.filter(s -> !s.isBlank()).map(KafkaSettings::read))
                .map(String::strip);
        if (this.serviceKey.isPresent() && this.serviceKey.get().length() < 32) {
            throw new IllegalArgumentException("headwater.auth.service-key must be at least 32 characters (it is a shared secret)");
        }
    }

    public Mode mode() {
        return mode;
    }

    public boolean open() {
        return mode == Mode.OPEN;
    }

    public String httpHost() {
        return httpHost;
    }

    /** The deployment's shared service key, if this service has one (from headwater.auth.service-key or its file). */
    public Optional<String> serviceKey() {
        return serviceKey;
    }

    /** The Authorization header this service sends to its peers and the registry, if it has a key. */
    public Optional<String> serviceAuthorization() {
        return serviceKey.map(key -> "Bearer " + key);
    }

    /** Whether {@code presented} is the shared service key (compared in constant time). */
    public boolean isServiceKey(String presented) {
        return serviceKey.isPresent() && presented != null && java.security.MessageDigest.isEqual(
                serviceKey.get().getBytes(java.nio.charset.StandardCharsets.UTF_8), presented.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Only loopback addresses: what open mode may listen on. */
    public static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
