package io.headwater.schemaregistry.service;

import io.headwater.schemaregistry.compat.CompatibilityChecker;
import io.headwater.schemaregistry.model.CompatibilityLevel;
import io.headwater.schemaregistry.model.RegistryError;
import io.headwater.schemaregistry.model.SchemaVersion;
import io.headwater.schemaregistry.store.KafkaSchemaLog;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registry's rules, as Confluent's registry applies them: a schema's id is global (the same
 * schema under two subjects has one id), versions count up per subject, a new version must pass
 * the subject's compatibility mode, and deletes are soft before they are permanent.
 */
@ApplicationScoped
public class SchemaRegistryService {

    private static final int MAX_CLAIM_ATTEMPTS = 10;

    private final KafkaSchemaLog log;

    public SchemaRegistryService(KafkaSchemaLog log) {
        this.log = log;
    }

    /** Registers the schema under the subject, or returns the id it already has there. */
    public int register(String subject, String schemaText, String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        String canonical = schema.toString();
        // Writers in this instance go one at a time; other instances are ordered by the log itself.
        synchronized (this) {
            for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
                Optional<SchemaVersion> existing = liveVersions(subject).stream().filter(v -> v.schema().equals(canonical)).findFirst();
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                List<String> problems = incompatibilities(subject, schema);
                if (!problems.isEmpty()) {
                    throw RegistryError.incompatible(String.join("; ", problems));
                }
                SchemaVersion claim = log.read(view -> {
                    int id = view.idOf(canonical).orElse(view.maxId() + 1);
                    int version = view.versions(subject).stream().mapToInt(SchemaVersion::version).max().orElse(0) + 1;
                    return new SchemaVersion(subject, version, id, canonical, false);
                });
                if (log.appendSchema(claim)) {
                    return claim.id();
                }
            }
        }
        throw RegistryError.storeError("could not claim an id for the schema after " + MAX_CLAIM_ATTEMPTS + " attempts");
    }

    /** The live version of the subject holding this schema. */
    public SchemaVersion lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        String canonical = parse(schemaText, schemaType).toString();
        List<SchemaVersion> versions = log.read(view -> view.versions(subject));
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions.stream().filter(v -> includeDeleted || !v.deleted())
                .filter(v -> v.schema().equals(canonical)).findFirst()
                .orElseThrow(RegistryError::schemaNotFound);
    }

    public List<String> subjects(boolean includeDeleted) {
        return log.read(view -> view.subjects().stream()
                .filter(s -> includeDeleted || view.versions(s).stream().anyMatch(v -> !v.deleted()))
                .sorted().toList());
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = log.read(view -> view.versions(subject));
        List<Integer> numbers = versions.stream().filter(v -> includeDeleted || !v.deleted()).map(SchemaVersion::version).toList();
        if (numbers.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return numbers;
    }

    /** A version by number or "latest" (the highest live version). */
    public SchemaVersion version(String subject, String versionId, boolean includeDeleted) {
        List<SchemaVersion> versions = log.read(view -> view.versions(subject));
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if ("latest".equals(versionId) || "-1".equals(versionId)) {
            return versions.stream().filter(v -> !v.deleted()).max(Comparator.comparingInt(SchemaVersion::version))
                    .orElseThrow(() -> RegistryError.subjectNotFound(subject));
        }
        int number = parseVersion(versionId);
        return versions.stream().filter(v -> v.version() == number && (includeDeleted || !v.deleted())).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, number));
    }

    public String schemaById(int id) {
        return log.read(view -> view.schemaById(id)).orElseThrow(RegistryError::schemaNotFound);
    }

    public List<SchemaVersion> usesOf(int id) {
        List<SchemaVersion> uses = log.read(view -> view.usesOf(id));
        if (uses.isEmpty()) {
            throw RegistryError.schemaNotFound();
        }
        return uses;
    }

    /** Soft-deletes every live version (or, when permanent, removes the soft-deleted ones); returns the versions affected. */
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        List<SchemaVersion> versions = log.read(view -> view.versions(subject));
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if (permanent) {
            if (versions.stream().anyMatch(v -> !v.deleted())) {
                throw RegistryError.subjectNotSoftDeleted(subject);
            }
            versions.forEach(v -> log.tombstoneSchema(subject, v.version()));
            log.appendConfig(subject, null);
            return versions.stream().map(SchemaVersion::version).toList();
        }
        List<SchemaVersion> live = versions.stream().filter(v -> !v.deleted()).toList();
        if (live.isEmpty()) {
            throw RegistryError.subjectSoftDeleted(subject);
        }
        live.forEach(v -> log.appendSchema(new SchemaVersion(v.subject(), v.version(), v.id(), v.schema(), true)));
        return live.stream().map(SchemaVersion::version).toList();
    }

    public synchronized int deleteVersion(String subject, String versionId, boolean permanent) {
        SchemaVersion version = version(subject, versionId, permanent);
        if (permanent) {
            if (!version.deleted()) {
                throw RegistryError.versionNotSoftDeleted(subject, version.version());
            }
            log.tombstoneSchema(subject, version.version());
        } else {
            log.appendSchema(new SchemaVersion(subject, version.version(), version.id(), version.schema(), true));
        }
        return version.version();
    }

    public CompatibilityLevel globalCompatibility() {
        return log.read(KafkaSchemaLog.IndexView::globalConfig);
    }

    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return log.read(view -> view.subjectConfig(subject));
    }

    /** The level in force for a subject: its own, else the global one. */
    public CompatibilityLevel effectiveCompatibility(String subject) {
        return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
    }

    public CompatibilityLevel setCompatibility(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level).orElseThrow(() -> RegistryError.invalidCompatibilityLevel(level));
        log.appendConfig(subject, parsed);
        return parsed;
    }

    public CompatibilityLevel clearCompatibility(String subject) {
        CompatibilityLevel previous = subjectCompatibility(subject).orElseThrow(() -> RegistryError.subjectConfigNotFound(subject));
        log.appendConfig(subject, null);
        return previous;
    }

    /**
     * Tests a schema against one version ("latest" or a number) under the subject's mode, or,
     * for a transitive mode with "latest", against every live version as registration would.
     */
    public List<String> testCompatibility(String subject, String versionId, String schemaText, String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        if (liveVersions(subject).isEmpty()) {
            if (versionId == null || "latest".equals(versionId)) {
                return List.of();
            }
            throw RegistryError.subjectNotFound(subject);
        }
        if (versionId == null || "latest".equals(versionId)) {
            return incompatibilities(subject, schema);
        }
        SchemaVersion against = version(subject, versionId, false);
        CompatibilityLevel level = effectiveCompatibility(subject);
        return CompatibilityChecker.incompatibilities(level, schema, List.of(new Schema.Parser().parse(against.schema())));
    }

    private List<String> incompatibilities(String subject, Schema schema) {
        List<Schema> previous = liveVersions(subject).stream().map(v -> new Schema.Parser().parse(v.schema())).toList();
        return CompatibilityChecker.incompatibilities(effectiveCompatibility(subject), schema, previous);
    }

    private List<SchemaVersion> liveVersions(String subject) {
        return log.read(view -> view.versions(subject)).stream().filter(v -> !v.deleted()).toList();
    }

    private static Schema parse(String schemaText, String schemaType) {
        if (schemaType != null && !schemaType.isBlank() && !"AVRO".equalsIgnoreCase(schemaType)) {
            throw RegistryError.invalidSchema("schema type " + schemaType + " is not supported; this registry holds AVRO schemas");
        }
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }

    private static int parseVersion(String versionId) {
        try {
            int number = Integer.parseInt(versionId);
            if (number < 1) {
                throw RegistryError.invalidVersion(versionId);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(versionId);
        }
    }
}
