package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.DecisionReport;
import io.headwater.query.api.DecisionView;
import io.headwater.query.api.Provenance;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.NotFoundException;
import io.headwater.query.provenance.ProvenanceService;
import io.headwater.query.reports.DecisionReportDocument;
import io.headwater.query.reports.DecisionReports;
import io.headwater.query.reports.ReportFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.READER)
@io.headwater.query.admission.Admitted
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "decisions", description = "Decisions and their provenance")
public class DecisionResource {

    private final InteractiveQueries decisions;
    private final ProvenanceService provenance;
    private final QueryParameters parameters;
    private final ScopedAnswers scoped;
    private final DecisionReports reports;

    private final io.headwater.query.impact.TrainedOnDecisions trainedOn;

    public DecisionResource(InteractiveQueries decisions, ProvenanceService provenance, QueryParameters parameters, ScopedAnswers scoped, DecisionReports reports,
                            io.headwater.query.impact.TrainedOnDecisions trainedOn) {
        this.trainedOn = trainedOn;
        this.decisions = decisions;
        this.provenance = provenance;
        this.parameters = parameters;
        this.scoped = scoped;
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Decisions made by models trained on a dataset version, directly or through any chain of jobs (Q2), paged and filtered",
            description = "trainedOn is a node id, usually a dataset version (" + io.headwater.contract.graph.NodeId.DATASET_VERSION_FORM + "); "
                    + "model narrows to one model's versions, from/until (ISO-8601) to a window of decision times. Pages in model version "
                    + "then time order; pass nextCursor as cursor.")
    public io.headwater.query.api.DecisionList list(
            @Parameter(description = "the node the models were trained on, e.g. a dataset version") @QueryParam("trainedOn") String trainedOnNode,
            @Parameter(description = "only this model's versions") @QueryParam("model") String model,
            @Parameter(description = "ISO-8601: decisions made from then") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601: decisions made before then") @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "decisions per page (default 50)") @QueryParam("limit") @DefaultValue("50") String limit) {
        String node = QueryParameters.required("trainedOn", trainedOnNode, io.headwater.contract.graph.NodeId.DATASET_VERSION_FORM);
        scoped.requireVisible(node);
        return trainedOn.list(node, model == null || model.isBlank() ? null : model.trim(), QueryParameters.instant("from", from),
                QueryParameters.instant("until", until), cursor, QueryParameters.limit(QueryParameters.integer("limit", limit)), parameters.bounds("50"));
    }

    @GET
    @Path("/{decisionId}")
    @Operation(summary = "One decision, linked to its model version and training run")
    public DecisionView decision(@PathParam("decisionId") String decisionId) {
        return decisions.decision(decisionId).orElseThrow(() -> NotFoundException.of("decision", decisionId));
    }

    @GET
    @Path("/{decisionId}/report")
    @RolesAllowed({Roles.READER, Roles.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, ReportFormat.PDF_TYPE})
    @Operation(summary = "A decision's compliance report: JSON, a printable HTML page, or a PDF",
            description = "The decision with its input reference and sender, the model version, the training run (code, environment, "
                    + "parameters, metrics), the data by role and everything upstream, the drift alerts open when the decision was made, "
                    + "and (for an auditor) who read this decision. The format follows format=json|html|pdf, else the Accept header.")
    public Response report(@PathParam("decisionId") String decisionId,
                           @Parameter(description = "json, html or pdf (default: by Accept, else json)") @QueryParam("format") String format,
                           @Parameter(description = "ISO-8601 instant: the graph as it was known then") @QueryParam("asOf") String asOf,
                           @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        DecisionReport report = reports.report(decisionId, QueryParameters.asOf(asOf), parameters.bounds("20"));
        return chosen.respond(report, DecisionReportDocument.of(report), "decision-" + decisionId);
    }

    @GET
    @Path("/{decisionId}/provenance")
    @Operation(summary = "Which data, code and environment produced this decision",
            description = "The decision, its model version, the training run (code, environment, parameters, metrics), the dataset "
                    + "versions it trained on by role, and everything upstream, as a structure and as a graph. partial=true says a "
                    + "bound (depth, nodes, time) cut it short. For a key scoped to namespaces, what lies outside them is shown as "
                    + "redacted:<n> nodes and counted under redacted.")
    public Provenance provenance(
            @PathParam("decisionId") String decisionId,
            @Parameter(description = "dataset versions to follow upstream of the training data (default 20)") @QueryParam("depth") @DefaultValue("20") String depth,
            @Parameter(description = "ISO-8601 instant: the graph as it was known then") @QueryParam("asOf") String asOf) {
        return scoped.provenance(provenance.provenance(decisionId, QueryParameters.asOf(asOf), parameters.bounds(depth)));
    }
}
