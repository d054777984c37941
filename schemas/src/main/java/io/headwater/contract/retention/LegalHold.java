package io.headwater.contract.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.access.AccessJson;

import java.time.Instant;

/**
 * A legal hold on a decision, a model version or a dataset version (its graph node id): nothing the held
 * fact depends on is deleted, by erasure or expiry, until an admin releases it. A release is recorded on the
 * hold itself (the compacted holds topic keeps the latest), so the history of who held and released what stays.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalHold(String id, String target, String reason, String placedBy, Instant placedAt, String releasedBy, Instant releasedAt) {

    @JsonIgnore
    public boolean active() {
        return releasedAt == null;
    }

    public LegalHold released(String by, Instant at) {
        return new LegalHold(id, target, reason, placedBy, placedAt, by, at);
    }

    public String toJson() {
        return AccessJson.write(this);
    }

    public static LegalHold fromJson(String json) {
        return AccessJson.read(json, LegalHold.class);
    }
}
