package io.headwater.schemaregistry.store;

import io.headwater.schemaregistry.model.CompatibilityLevel;
import io.headwater.schemaregistry.model.SchemaVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the schema log says, folded in log order. Every instance reads the same single-partition
 * log, so every instance folds to the same index. Two instances may race to claim an id or a
 * version: the claim that comes first in the log wins, later conflicting claims are ignored, and
 * their writers see that and retry.
 */
final class SchemaIndex {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectConfig = new HashMap<>();
    private CompatibilityLevel globalConfig;
    private int maxId;

    SchemaIndex(CompatibilityLevel defaultLevel) {
        this.globalConfig = defaultLevel;
    }

    /** Applies a SCHEMA record; returns false when it conflicts with an earlier claim and was ignored. */
    boolean applySchema(SchemaVersion version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>());
        SchemaVersion current = versions.get(version.version());
        if (current != null && current.id() != version.id()) {
            return false;
        }
        String known = schemasById.get(version.id());
        if (known != null && !known.equals(version.schema())) {
            return false;
        }
        Integer otherId = idsBySchema.get(version.schema());
        if (otherId != null && otherId != version.id()) {
            return false;
        }
        versions.put(version.version(), version);
        schemasById.put(version.id(), version.schema());
        idsBySchema.put(version.schema(), version.id());
        maxId = Math.max(maxId, version.id());
        return true;
    }

    /** Applies a tombstone for a SCHEMA key: the version is gone for good (its id stays reserved). */
    void removeSchema(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions != null) {
            versions.remove(version);
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
        }
    }

    void applyConfig(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalConfig = level;
        } else if (level == null) {
            subjectConfig.remove(subject);
        } else {
            subjectConfig.put(subject, level);
        }
    }

    Optional<SchemaVersion> version(String subject, int version) {
        return Optional.ofNullable(subjects.getOrDefault(subject, new TreeMap<>()).get(version));
    }

    /** All versions of a subject, oldest first, deleted ones included. */
    List<SchemaVersion> versions(String subject) {
        return new ArrayList<>(subjects.getOrDefault(subject, new TreeMap<>()).values());
    }

    List<String> subjectNames() {
        return new ArrayList<>(subjects.keySet());
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    Optional<Integer> idOf(String schema) {
        return Optional.ofNullable(idsBySchema.get(schema));
    }

    List<SchemaVersion> usesOf(int id) {
        List<SchemaVersion> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    int maxId() {
        return maxId;
    }

    CompatibilityLevel globalConfig() {
        return globalConfig;
    }

    Optional<CompatibilityLevel> subjectConfig(String subject) {
        return Optional.ofNullable(subjectConfig.get(subject));
    }
}
