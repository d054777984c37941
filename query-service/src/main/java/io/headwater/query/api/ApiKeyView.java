package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.access.ApiKey;

import java.time.Instant;
import java.util.List;

/**
 * An API key as an admin sees it: never its secret or hash; {@code token} only in the answer that made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(String id, List<String> roles, List<String> namespaces, String description, String createdBy, Instant createdAt,
                         Instant expiresAt, Instant revokedAt, String token) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.roles(), key.namespaces(), key.description(), key.createdBy(), key.createdAt(), key.expiresAt(),
                key.revokedAt(), null);
    }

    public ApiKeyView withToken(String value) {
        return new ApiKeyView(id, roles, namespaces, description, createdBy, createdAt, expiresAt, revokedAt, value);
    }

    /** What an admin asks for: roles (required), namespaces a producer may write to (none: all), what it is for, when it expires. */
    public record Request(List<String> roles, List<String> namespaces, String description, Instant expiresAt) {
    }
}
