package io.headwater.contract.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as the access audit keeps it: who, when, what they asked (method, path, query), what came of it
 * (status, bytes, latency). Never a request or answer body, never a credential: a refused key appears by its
 * public id only.
 *
 * @param principal the key id (or the services' identity, or open mode's local user); {@code anonymous} without
 *                  credentials; {@code refused:<key id>} when the credentials were not accepted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant time, String service, String principal, String method, String path, Map<String, List<String>> query,
                         int status, long bytes, double latencyMs, String client) {

    /** Whether this request asked about {@code id}: a path segment, or a query value, equal to it. */
    public boolean concerns(String id) {
        return askedAbout().contains(id);
    }

    /** Every id this request asked about: its path segments, decoded, and its query values (what an audit index keys on). */
    public java.util.Set<String> askedAbout() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    ids.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        if (query != null) {
            query.values().forEach(ids::addAll);
        }
        ids.remove("");
        return ids;
    }

    public String toJson() {
        return AccessJson.write(this);
    }

    public static AuditEntry fromJson(String json) {
        return AccessJson.read(json, AuditEntry.class);
    }
}
