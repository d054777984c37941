package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DriftHistory;
import io.headwater.query.api.ModelSummary;
import io.headwater.query.api.ModelVersionDetails;
import io.headwater.query.models.DriftWindowsReader;
import io.headwater.query.models.ModelService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    public ModelResource(ModelService models, ScopedAnswers scoped, DriftWindowsReader drift) {
        this.models = models;
        this.scoped = scoped;
        this.drift = drift;
    }

    @GET
    @Operation(summary = "Every model with its versions, each with its training run and decision count")
    public List<ModelSummary> models(@QueryParam("limit") @DefaultValue("100") String limit) {
        return scoped.models(models.models(QueryParameters.limit(QueryParameters.integer("limit", limit))));
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
    @Path("/{name}/versions/{version}/decisions")
    @Operation(summary = "A model version's decisions in time order, a page at a time (pass nextCursor as cursor)")
    public DecisionPage decisions(@PathParam("name") String name, @PathParam("version") String version,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limit) {
        return models.decisions(name, version, cursor, QueryParameters.limit(QueryParameters.integer("limit", limit)));
    }
}
