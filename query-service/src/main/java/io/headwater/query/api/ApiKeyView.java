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
                         Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String token) {

    /** @param lastUsedAt when any instance last let it in, to within {@code headwater.auth.last-use-interval}; null: never */
    public static ApiKeyView of(ApiKey key, Instant lastUsedAt) {
        return new ApiKeyView(key.id(), key.roles(), key.namespaces(), key.description(), key.createdBy(), key.createdAt(), key.expiresAt(),
                key.revokedAt(), lastUsedAt, null);
    }

    public ApiKeyView withToken(String value) {
        return new ApiKeyView(id, roles, namespaces, description, createdBy, createdAt, expiresAt, revokedAt, lastUsedAt, value);
    }

    /** What an admin asks for: roles (required), namespaces a producer may write to (none: all), what it is for, when it expires. */
    public record Request(List<String> roles, List<String> namespaces, String description, Instant expiresAt) {
    }
}
