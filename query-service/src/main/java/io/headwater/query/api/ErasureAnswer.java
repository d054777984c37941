package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.retention.ErasureReceipt;
import io.headwater.contract.retention.LegalHold;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure touches (Q5), before or after it ran: the decisions it removes, the model versions, runs
 * and dataset versions downstream, the holds that block it, where the facts are removed from and what is kept.
 * After it ran, {@code receipt} is what was recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureAnswer(boolean dryRun, String kind, String subjectId, String target, long decisionCount, List<DecisionRef> decisions,
                            List<String> modelVersions, int runCount, List<String> runs, List<String> datasetVersions,
                            List<LegalHold> blockedBy, List<String> removes, List<String> keeps, ErasureReceipt receipt) {

    /** A decision as an erasure lists it: enough to recognise it, nothing more. */
    public record DecisionRef(String decisionId, String modelVersionId, Instant decisionTime) {
    }
}
