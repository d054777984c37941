package io.headwater.schemaregistry.rest;

import io.headwater.kafka.connection.KafkaSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP basic authentication for the registry API, as Confluent's registry and Confluent Cloud's take it
 * (clients send {@code basic.auth.user.info}). Off unless users are configured:
 * {@code headwater.registry.basic-auth-users} ({@code user:password}, comma-separated) or a file of them,
 * {@code headwater.registry.basic-auth-users-file} (one per line, as a mounted Secret gives it). Health,
 * metrics and OpenAPI stay open for probes. Credentials are compared in constant time and never logged.
 */
public class RegistryAuthentication {

    private final List<byte[]> accepted;

    public RegistryAuthentication(@ConfigProperty(name = "headwater.registry.basic-auth-users") Optional<String> users,
                                  @ConfigProperty(name = "headwater.registry.basic-auth-users-file") Optional<String> usersFile) {
        String all = users.filter(s -> !s.isBlank()).orElseGet(() -> usersFile.filter(s -> !s.isBlank()).map(KafkaSettings::read).orElse(""));
        this.accepted = Arrays.stream(all.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .peek(user -> {
                    if (!user.contains(":")) {
                        throw new IllegalArgumentException("headwater.registry.basic-auth-users: each entry must be user:password");
                    }
                })
                .map(user -> ("Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            byte[] given = header.strip().getBytes(StandardCharsets.UTF_8);
            boolean match = false;
            for (byte[] user : accepted) {
                match |= MessageDigest.isEqual(user, given);
            }
            if (match) {
                return Optional.empty();
            }
        }
        return Optional.of(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"headwater-schema-registry\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error_code", 401, "message", header == null ? "Unauthorized: credentials are required" : "Unauthorized: the credentials are not accepted"))
                .build());
    }
}
