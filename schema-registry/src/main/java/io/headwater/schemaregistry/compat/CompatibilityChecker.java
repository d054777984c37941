package io.headwater.schemaregistry.compat;

import io.headwater.schemaregistry.model.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;

import java.util.ArrayList;
import java.util.List;

/** Decides whether a new schema may join a subject, with Avro's own reader/writer compatibility rules. */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * @param candidate the schema to register
     * @param existing  the subject's live versions, oldest first
     * @return the reasons it is incompatible; empty when it may be registered
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return problems;
        }
        List<Schema> against = level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
        for (Schema previous : against) {
            if (level.backward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), "BACKWARD", problems);
            }
            if (level.forward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), "FORWARD", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add("{direction:" + direction + ", type:" + incompatibility.getType()
                    + ", location:" + incompatibility.getLocation() + ", message:" + incompatibility.getMessage() + "}");
        }
    }
}
