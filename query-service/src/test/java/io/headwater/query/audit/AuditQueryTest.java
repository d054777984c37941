package io.headwater.query.audit;

import io.headwater.contract.access.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw pre-filter of an audit read never passes over a record the parsed entry would match. */
class AuditQueryTest {

    private static String raw(String path, Map<String, List<String>> query) {
        return new AuditEntry(Instant.parse("2026-11-26T10:00:00Z"), "query-service", "k1", "GET", path, query, 200, 10, 1.0, null).toJson();
    }

    private static boolean both(AuditLog.Query q, String raw) {
        boolean parsed = q.matches().test(AuditEntry.fromJson(raw));
        if (parsed) {
            assertThat(q.mayMatch(raw)).as("a matching record is never skipped: " + raw).isTrue();
        }
        return parsed;
    }

    @Test
    void idsAskedAboutAreFoundAsWrittenEncodedInEitherCaseOrInTheQuery() {
        AuditLog.Query id = new AuditLog.Query(null, "run:01a2", null, null);
        assertThat(both(id, raw("/api/v1/runs/run%3A01a2", Map.of()))).isTrue();
        assertThat(both(id, raw("/api/v1/runs/run%3a01a2", Map.of()))).isTrue();
        assertThat(both(id, raw("/api/v1/impact", Map.of("nodeId", List.of("run:01a2"))))).isTrue();
        AuditLog.Query decision = new AuditLog.Query(null, "d-7-3", null, null);
        assertThat(both(decision, raw("/api/v1/decisions/d-7-3/report", Map.of()))).isTrue();
        assertThat(decision.mayMatch(raw("/api/v1/decisions/d-8-1/report", Map.of()))).as("another decision is passed over unparsed").isFalse();
        AuditLog.Query spaced = new AuditLog.Query(null, "a b", null, null);
        assertThat(both(spaced, raw("/api/v1/decisions/a%20b", Map.of()))).isTrue();
        AuditLog.Query quoted = new AuditLog.Query(null, "x\"y", null, null);
        assertThat(quoted.mayMatch(raw("/api/v1/decisions/other", Map.of()))).as("what JSON escapes is left to the parsed entry").isTrue();
    }

    @Test
    void aPrincipalIsLookedForToo() {
        AuditLog.Query q = new AuditLog.Query("k1", null, null, null);
        assertThat(both(q, raw("/api/v1/models", Map.of()))).isTrue();
        assertThat(new AuditLog.Query("k2", null, null, null).mayMatch(raw("/api/v1/models", Map.of()))).isFalse();
    }
}
