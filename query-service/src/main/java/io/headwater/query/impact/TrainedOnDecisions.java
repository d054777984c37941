package io.headwater.query.impact;

import io.headwater.contract.graph.NodeId;
import io.headwater.query.api.DecisionList;
import io.headwater.query.api.Impact;
import io.headwater.query.decisions.InteractiveQueries;
import io.headwater.query.errors.InvalidParameterException;
import io.headwater.query.graph.Bounds;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Q2, decisions made by models trained on X: the model versions downstream of X (as impact finds them), each
 * version's decisions read from its time-ordered index within the window, paged across versions in order.
 */
@ApplicationScoped
public class TrainedOnDecisions {

    private final ImpactService impact;
    private final InteractiveQueries decisions;

    public TrainedOnDecisions(ImpactService impact, InteractiveQueries decisions) {
        this.impact = impact;
        this.decisions = decisions;
    }

    public DecisionList list(String trainedOn, String model, Instant from, Instant until, String cursor, int limit, Bounds bounds) {
        if (from != null && until != null && !from.isBefore(until)) {
            throw new InvalidParameterException("until", "must be after from");
        }
        Impact downstream = impact.reach(trainedOn, bounds);
        List<Impact.ModelVersionImpact> versions = new ArrayList<>();
        for (Impact.ModelVersionImpact version : downstream.modelVersions()) {
            if (model == null || NodeId.parse(version.id()).name().equals(model)) {
                versions.add(version);
            }
        }
        List<String> ids = versions.stream().map(Impact.ModelVersionImpact::id).toList();
        DecisionPaging.Page page = DecisionPaging.page(ids, cursor, limit, (version, inner, size) -> decisions.decisionsOf(version, inner, size, from, until));
        return new DecisionList(trainedOn, model, from, until, versions, page.decisions(), page.nextCursor(), downstream.partial(), downstream.partialReason());
    }
}
