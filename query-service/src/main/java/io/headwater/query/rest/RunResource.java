package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.avro.NodeKind;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.Reproduction;
import io.headwater.query.api.RunComparison;
import io.headwater.query.api.RunDetails;
import io.headwater.query.api.RunSummary;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.runs.RunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@RolesAllowed(Roles.READER)
@io.headwater.query.admission.Admitted
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs", description = "Runs, compared side by side, and how to reproduce one")
public class RunResource {

    private static final int MAX_COMPARED = 20;

    private final RunService runs;
    private final ScopedAnswers scoped;

    public RunResource(RunService runs, ScopedAnswers scoped) {
        this.runs = runs;
        this.scoped = scoped;
    }

    @GET
    @Operation(summary = "Runs of a job, or of every job of a namespace, newest first: state, start, end, duration, code version",
            description = "Give job or namespace. Filter by state and by start time (from inclusive, until exclusive); page with offset and limit.")
    public List<RunSummary> runs(@Parameter(description = NodeId.JOB_FORM) @QueryParam("job") String job,
                                 @Parameter(description = "a namespace: the runs of all its jobs (instead of job)") @QueryParam("namespace") String namespace,
                                 @Parameter(description = "START, RUNNING, COMPLETE, ABORT, FAIL or OTHER") @QueryParam("state") String state,
                                 @Parameter(description = "ISO-8601: runs started then or later") @QueryParam("from") String from,
                                 @Parameter(description = "ISO-8601: runs started before then") @QueryParam("until") String until,
                                 @Parameter(description = "runs to skip (default 0)") @QueryParam("offset") @DefaultValue("0") String offset,
                                 @Parameter(description = "at most this many (default 100)") @QueryParam("limit") @DefaultValue("100") String limit) {
        boolean byJob = job != null && !job.isBlank();
        boolean byNamespace = namespace != null && !namespace.isBlank();
        if (byJob == byNamespace) {
            throw new InvalidParameterException(byJob ? "namespace" : "job", "give job (" + NodeId.JOB_FORM + ") or namespace, one of them");
        }
        if (state != null && !STATES.contains(state.toUpperCase(java.util.Locale.ROOT))) {
            throw new InvalidParameterException("state", "must be one of " + String.join(", ", STATES));
        }
        int skip = QueryParameters.integer("offset", offset);
        if (skip < 0) {
            throw new InvalidParameterException("offset", "must not be negative");
        }
        if (byJob) {
            scoped.requireVisible(job.trim());
        }
        return runs.runs(byJob ? job.trim() : null, byNamespace ? namespace.trim() : null, scoped.visibility(), state,
                QueryParameters.instant("from", from), QueryParameters.instant("until", until), skip,
                QueryParameters.limit(QueryParameters.integer("limit", limit)));
    }

    private static final List<String> STATES = java.util.Arrays.stream(io.headwater.avro.RunState.values()).map(Enum::name).toList();

    @GET
    @Path("/compare")
    @Operation(summary = "Runs side by side: parameters, final metrics, code, environment, packages and data versions, differences marked")
    public RunComparison compare(@Parameter(description = "run ids, comma-separated, 2 to 20: bare UUIDs or node ids (run:<uuid>)") @QueryParam("ids") String ids) {
        List<String> list = Arrays.stream(QueryParameters.required("ids", ids, "a,b").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(RunResource::bareRunId).distinct().toList();
        if (list.size() < 2 || list.size() > MAX_COMPARED) {
            throw new InvalidParameterException("ids", "must name between 2 and " + MAX_COMPARED + " different runs");
        }
        list.forEach(id -> scoped.requireVisible(NodeId.run(id).value()));
        return runs.compare(list);
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "One run: state, times, job and code, environment, parameters, metrics, data read and written, models produced")
    public RunDetails run(@PathParam("runId") String runId,
                          @Parameter(description = "ISO-8601 instant: the run as it was known then") @QueryParam("asOf") String asOf) {
        scoped.requireVisible(NodeId.run(runId).value());
        return scoped.run(runs.run(runId, QueryParameters.asOf(asOf)));
    }

    @GET
    @Path("/{runId}/reproduce")
    @Operation(summary = "Everything needed to run it again, and what was not recorded")
    public Reproduction reproduce(@PathParam("runId") String runId) {
        scoped.requireVisible(NodeId.run(runId).value());
        return runs.reproduce(runId);
    }

    /** A run as the API names it in one place (run:<uuid>) or another (the bare uuid): the uuid. */
    private static String bareRunId(String id) {
        return NodeId.tryParse(id).filter(node -> node.kind() == NodeKind.RUN).map(NodeId::name).orElse(id);
    }
}
