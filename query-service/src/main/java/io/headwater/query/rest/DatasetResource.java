package io.headwater.query.rest;

import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.query.access.ScopedAnswers;
import io.headwater.query.api.DatasetView;
import io.headwater.query.datasets.DatasetService;
import io.headwater.query.errors.InvalidParameterException;
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
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets", description = "A dataset's description, schema, jobs and versions with their row counts and quality")
public class DatasetResource {

    private static final int MAX_VERSIONS = 500;

    private final DatasetService datasets;
    private final ScopedAnswers scoped;

    public DatasetResource(DatasetService datasets, ScopedAnswers scoped) {
        this.datasets = datasets;
        this.scoped = scoped;
    }

    @GET
    @Operation(summary = "One dataset: tags, owners, type, documentation, catalog, schema, the jobs that read and write it, and its latest versions",
            description = "nodeId is " + NodeId.DATASET_FORM + ". Another name of the dataset (a Hive table's storage path, a Flink table's "
                    + "catalog name, from the symlinks facet) finds the same dataset.")
    public DatasetView dataset(
            @Parameter(description = NodeId.DATASET_FORM) @QueryParam("nodeId") String nodeId,
            @Parameter(description = "how many of the latest versions (default 20, at most 500)") @QueryParam("versions") @DefaultValue("20") int versions,
            @Parameter(description = "ISO-8601 instant: the dataset as it was known then") @QueryParam("asOf") String asOf) {
        String requested = QueryParameters.required("nodeId", nodeId, NodeId.DATASET_FORM);
        if (versions < 0 || versions > MAX_VERSIONS) {
            throw new InvalidParameterException("versions", "must be between 0 and " + MAX_VERSIONS);
        }
        String dataset = datasets.resolve(requested);
        scoped.requireVisible(dataset);
        return datasets.dataset(dataset, versions, QueryParameters.asOf(asOf), scoped.visibility());
    }
}
