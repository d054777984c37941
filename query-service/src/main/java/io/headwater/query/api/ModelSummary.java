package io.headwater.query.api;

import java.time.Instant;
import java.util.List;

/** A model in the inventory with all its versions, newest last. */
public record ModelSummary(String id, String name, Instant firstSeen, Instant lastSeen, List<ModelVersionView> versions) {
}
