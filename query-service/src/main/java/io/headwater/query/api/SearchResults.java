package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Search hits in Marquez's shape ({@code totalCount}, {@code results} with type, name, namespace,
 * nodeId, updatedAt), plus what matched and, for a commit or image, the model versions built from it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResults(int totalCount, List<Hit> results, Redacted redacted) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String type, String name, String namespace, String nodeId, Instant updatedAt, String matchedOn,
                      List<String> modelVersions) {
    }
}
