package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Q3: which version of a model served at a time, per endpoint, and what says so: {@code deployments} (reported by
 * the serving system) or {@code decisions} (none was reported: the version whose first decision came last before
 * the time, a fallback that cannot tell endpoints apart).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServingAnswer(String model, Instant at, String endpoint, String source, List<Serving> serving, String note) {

    /** @param until null while it is still serving, as far as was reported */
    public record Serving(String endpoint, String modelVersionId, String modelVersion, Instant from, Instant until, String sentBy) {
    }
}
