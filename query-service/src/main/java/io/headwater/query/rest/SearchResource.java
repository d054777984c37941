package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.SearchResults;
import io.headwater.query.search.SearchService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.READER)
@io.headwater.query.admission.Admitted
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search", description = "Find datasets, jobs and models; find what was built from a commit or image")
public class SearchResource {

    private final SearchService search;
    private final ScopedAnswers scoped;

    public SearchResource(SearchService search, ScopedAnswers scoped) {
        this.search = search;
        this.scoped = scoped;
    }

    @GET
    @Operation(summary = "Datasets, jobs and models by name; job versions and environments by commit, image or image digest, with the model versions built from them")
    public SearchResults search(@Parameter(description = "part of a name, or the start of a commit, image, image digest, tag (pii, pii=true), owner (team:payments) or another name of a dataset") @QueryParam("q") String q,
                                @QueryParam("limit") @DefaultValue("50") String limit) {
        return scoped.search(search.search(QueryParameters.required("q", q, "churn"), QueryParameters.limit(QueryParameters.integer("limit", limit))));
    }
}
