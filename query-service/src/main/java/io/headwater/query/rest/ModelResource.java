package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.BuiltFrom;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DriftHistory;
import io.headwater.query.api.ModelSummary;
import io.headwater.query.api.ModelVersionDetails;
import io.headwater.query.api.ServingAnswer;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.models.DriftWindowsReader;
import io.headwater.query.models.ModelService;
import io.headwater.query.models.ServingService;
import io.headwater.query.search.BuiltFromService;
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

import java.time.Instant;
import java.util.List;

@RolesAllowed(Roles.READER)
@io.headwater.query.admission.Admitted
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The model inventory")
public class ModelResource {

    private final ModelService models;
    private final ScopedAnswers scoped;
    private final DriftWindowsReader drift;
    private final BuiltFromService builtFrom;
    private final ServingService serving;
    private final io.headwater.query.models.ValidationService validations;
    private final io.headwater.query.reports.ModelDocumentations documentations;
    private final QueryParameters parameters;

    public ModelResource(ModelService models, ScopedAnswers scoped, DriftWindowsReader drift, BuiltFromService builtFrom,
                         ServingService serving, io.headwater.query.models.ValidationService validations,
                         io.headwater.query.reports.ModelDocumentations documentations, QueryParameters parameters) {
        this.validations = validations;
        this.documentations = documentations;
        this.parameters = parameters;
        this.models = models;
        this.scoped = scoped;
        this.drift = drift;
        this.builtFrom = builtFrom;
        this.serving = serving;
    }

    @GET
    @Operation(summary = "Every model with its versions, each with its training run and decision count")
    public List<ModelSummary> models(@QueryParam("limit") @DefaultValue("100") String limit,
                                     @Parameter(description = "WARN or ALERT: only the versions with an open alert at least this severe")
                                     @QueryParam("severity") String severity) {
        String wanted = severity == null || severity.isBlank() ? null : severity.trim().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !wanted.equals("WARN") && !wanted.equals("ALERT")) {
            throw new InvalidParameterException("severity", "must be WARN or ALERT");
        }
        return scoped.models(models.models(QueryParameters.limit(QueryParameters.integer("limit", limit)), wanted));
    }

    @GET
    @Path("/built-from")
    @Operation(summary = "Every model version built from one commit or one container image, exactly, with its decision count",
            description = "Give commit= (the full hash) or image= (a digest sha256:… or the image as recorded). Unlike search, which "
                    + "matches prefixes and pages, this is exact and complete: every job version or environment that carries it, every "
                    + "model version trained through them, and how many decisions each made.")
    public BuiltFrom builtFrom(@QueryParam("commit") String commit, @QueryParam("image") String image) {
        if ((commit == null || commit.isBlank()) == (image == null || image.isBlank())) {
            throw new InvalidParameterException(commit == null || commit.isBlank() ? "commit" : "image", "give exactly one of commit or image");
        }
        return commit != null && !commit.isBlank() ? builtFrom.commit(commit.trim()) : builtFrom.image(image.trim());
    }

    @GET
    @Path("/{name}/serving")
    @Operation(summary = "Which version of the model served at a time (Q3), per endpoint, and what says so",
            description = "From the deployments serving systems reported (POST /api/v1/deployments to ingest-service): per endpoint, "
                    + "the latest deployment begun by `at` and not retired by then. Where none was ever reported for the model, from the "
                    + "decisions: the version whose first decision came last before `at` (source=decisions).")
    public ServingAnswer serving(@PathParam("name") String name,
                                 @Parameter(description = "ISO-8601 instant (default: now)") @QueryParam("at") String at,
                                 @Parameter(description = "one endpoint only") @QueryParam("endpoint") String endpoint) {
        Instant when = at == null || at.isBlank() ? Instant.now() : QueryParameters.instant("at", at);
        return serving.servingAt(name, when, endpoint == null || endpoint.isBlank() ? null : endpoint);
    }

    @GET
    @Path("/{name}/versions/{version}")
    @Operation(summary = "One model version with its training run and the first page of its decisions")
    public ModelVersionDetails version(@PathParam("name") String name, @PathParam("version") String version,
                                       @QueryParam("limit") @DefaultValue("20") String limit) {
        return scoped.modelVersion(models.version(name, version, QueryParameters.limit(QueryParameters.integer("limit", limit))));
    }

    @GET
    @Path("/{name}/versions/{version}/windows")
    @Operation(summary = "A model version's drift history: each monitoring window judged against the training data, oldest first",
            description = "Per feature: psi, js and ks (quality metrics under __quality__) with their warn and alert thresholds, and the "
                    + "training data's and the window's distributions on the same bins. The newest `limit` windows.")
    public DriftHistory windows(@PathParam("name") String name, @PathParam("version") String version,
                                @QueryParam("limit") @DefaultValue("100") String limit) {
        models.version(name, version, 1);
        return drift.history(NodeId.modelVersion(name, version).value(), QueryParameters.limit(QueryParameters.integer("limit", limit)));
    }

    @GET
    @Path("/{name}/versions/{version}/documentation")
    @RolesAllowed({Roles.READER, Roles.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, io.headwater.query.reports.ReportFormat.PDF_TYPE})
    @Operation(summary = "A model version's technical documentation (EU AI Act Annex IV 2(d), 2(g)): JSON, a printable HTML page, or a PDF",
            description = "The training, validation and test data with their provenance, the training run's code, environment, parameters and "
                    + "metrics, the validation runs, what changed from the previous version (a run comparison) and every drift alert, open and "
                    + "past. asOf gives the documentation as it stood then. The format follows format=json|html|pdf, else the Accept header.")
    public jakarta.ws.rs.core.Response documentation(@PathParam("name") String name, @PathParam("version") String version,
                                                     @QueryParam("format") String format, @QueryParam("asOf") String asOf,
                                                     @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        io.headwater.query.reports.ReportFormat chosen = io.headwater.query.reports.ReportFormat.of(format, headers.getAcceptableMediaTypes());
        io.headwater.query.api.ModelDocumentation documentation = documentations.documentation(name, version, QueryParameters.asOf(asOf), parameters.bounds("20"));
        return chosen.respond(documentation, io.headwater.query.reports.ModelDocumentationDocument.of(documentation), "model-" + name + "-" + version);
    }

    @GET
    @Path("/{name}/versions/{version}/validations")
    @Operation(summary = "A model version's validation runs, the drift alerts since the last one, and the reference profile they are judged against (Q8)",
            description = "A validation run is one that reads the model (what the version's training run wrote) with Headwater's datasetRole facet "
                    + "set to validation. alertsSince: alerts opened after the last completed validation ended (every alert when there is none); "
                    + "openFromBefore: alerts opened before it that are still open.")
    public io.headwater.query.api.ModelValidations validations(@PathParam("name") String name, @PathParam("version") String version) {
        return scoped.validations(validations.validations(name, version));
    }

    @GET
    @Path("/{name}/versions/{version}/decisions")
    @Operation(summary = "A model version's decisions in time order, a page at a time (pass nextCursor as cursor)")
    public DecisionPage decisions(@PathParam("name") String name, @PathParam("version") String version,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limit) {
        return models.decisions(name, version, cursor, QueryParameters.limit(QueryParameters.integer("limit", limit)));
    }
}
