package io.headwater.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses requests whose Host header names a host this service does not go by, so that a web page on another
 * site cannot reach it through a name that resolves to it (DNS rebinding). {@code headwater.http.allowed-hosts}
 * lists the names (no port); unset, any name is taken, except in open mode, where only loopback names are.
 */
@ApplicationScoped
public class HostCheck {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> allowed;

    public HostCheck(@ConfigProperty(name = "headwater.http.allowed-hosts") Optional<List<String>> configured, AccessSettings access) {
        List<String> names = configured.orElse(List.of()).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        this.allowed = !names.isEmpty() ? names : access.open() ? LOOPBACK : List.of();
    }

    void register(@Observes Router router) {
        if (!allowed.isEmpty()) {
            router.route().order(Integer.MIN_VALUE).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String host = host(context.request().getHeader("Host"));
        if (host == null || allowed.contains(host) || context.normalizedPath().startsWith("/q/health")) {
            context.next();
            return;
        }
        context.response().setStatusCode(421).putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"https://headwater.dev/problems/misdirected\",\"title\":\"Misdirected request\",\"status\":421,"
                        + "\"detail\":\"this service does not answer to the host name in the Host header; see headwater.http.allowed-hosts\"}");
    }

    /** The host of a Host header, without its port, lower-cased. */
    static String host(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
