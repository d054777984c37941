package io.headwater.contract.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An API key as the keys topic keeps it (JSON, keyed by {@link #id}; a newer record replaces an older one,
 * and a revoked key keeps its record with {@link #revokedAt}, so that the audit can still name it). Only the
 * SHA-256 of the key's secret is stored: the secret itself is shown once, when the key is made.
 *
 * @param id          public id, also the principal's name in the audit
 * @param secretHash  hex SHA-256 of the secret part of the token ({@link ApiKeyToken})
 * @param roles       {@link Roles}
 * @param namespaces  the namespaces a producer key may write to (empty: any)
 * @param description what the key is for, as its creator said
 * @param createdBy   the principal that made it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String id, String secretHash, List<String> roles, List<String> namespaces, String description, String createdBy,
                     Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public ApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** Whether it lets its holder in at {@code now}: not revoked, not expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoked(Instant when) {
        return new ApiKey(id, secretHash, roles, namespaces, description, createdBy, createdAt, expiresAt, when);
    }

    public String toJson() {
        return AccessJson.write(this);
    }

    public static ApiKey fromJson(String json) {
        return AccessJson.read(json, ApiKey.class);
    }
}
