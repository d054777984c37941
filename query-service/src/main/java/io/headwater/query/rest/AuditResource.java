package io.headwater.query.rest;

import io.headwater.contract.access.AuditEntry;
import io.headwater.contract.access.Roles;
import io.headwater.query.audit.AuditLog;
import io.headwater.query.errors.InvalidParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

@RolesAllowed(Roles.AUDITOR)
@Path("/api/v1/audit")
@Tag(name = "audit", description = "Who read or changed what: every request to every service, from the append-only audit topic")
public class AuditResource {

    private static final int MAX_LIMIT = 10_000;

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    /**
     * What the JSON answer holds: the entries, how many came from the audit index (a read by id), how many records
     * were read from the topic, and whether a budget cut the read short.
     */
    public record AuditPage(List<AuditEntry> entries, long indexed, long scanned, boolean partial) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The newest audit entries that match, oldest first (e.g. every read of decision D: ?id=D)",
            description = "A read by id is answered by the audit index, and by the topic for what the index has not reached yet (indexed, scanned); "
                    + "partial=true says the read's budget (10 s, 5 million records, 100,000 indexed entries per partition) ran out before the range did: narrow it.")
    public AuditPage entries(@Parameter(description = "a principal: a key id, anonymous, refused:<key id>") @QueryParam("principal") String principal,
                             @Parameter(description = "an id asked about: a decision, run or node id in the path or a query value") @QueryParam("id") String id,
                             @Parameter(description = "ISO-8601; default 24 hours ago") @QueryParam("since") String since,
                             @Parameter(description = "ISO-8601; default now") @QueryParam("until") String until,
                             @Parameter(description = "at most this many, the newest (default 100, at most 10000)") @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        AuditLog.Page page = log.newest(query(principal, id, since, until), n);
        return new AuditPage(page.entries(), page.indexed(), page.scanned(), page.partial());
    }

    @GET
    @Path("/export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Every matching entry as NDJSON, one per line, for a SIEM; the last line says whether the read was partial")
    public Response export(@QueryParam("principal") String principal, @QueryParam("id") String id, @QueryParam("since") String since,
                           @QueryParam("until") String until) {
        AuditLog.Query query = query(principal, id, since, until);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditLog.Scan scan = log.each(query, entry -> {
                try {
                    writer.write(entry.toJson());
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.write("{\"end\":true,\"indexed\":" + scan.indexed() + ",\"scanned\":" + scan.scanned() + ",\"partial\":" + scan.partial() + "}\n");
            writer.flush();
        };
        return Response.ok(body, "application/x-ndjson").build();
    }

    private static AuditLog.Query query(String principal, String id, String since, String until) {
        Instant from = since == null ? Instant.now().minus(Duration.ofHours(24)) : instant("since", since);
        Instant to = until == null ? null : instant("until", until);
        return new AuditLog.Query(blankToNull(principal), blankToNull(id), from, to);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
