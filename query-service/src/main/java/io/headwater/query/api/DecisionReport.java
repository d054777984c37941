package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision's compliance report: what a regulator asks of one decision in one document. The decision with its
 * input reference and sender, the model version, the training run (code, environment, parameters, metrics), the
 * data by role and everything upstream, the drift state of the model version when the decision was made, and who
 * has read this decision. Stable under {@code asOf}: the graph as it was known then.
 *
 * @param servingAtDecision which version of the model served when the decision was made, and what says so
 * @param driftAtDecision the alerts on the model version that were open at the decision's time
 * @param validations     the model version's validation runs that had ended by the decision's time
 * @param accessedBy      reads of this decision from the access audit; null where the caller is not an auditor (see accessNote)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionReport(Instant generatedAt, String generatedBy, Instant asOf, DecisionView decision, String sentBy,
                             ModelVersionView modelVersion, ServingAnswer servingAtDecision, RunDetails trainingRun, Map<String, List<RunDetails.DataRef>> data,
                             List<Provenance.UpstreamStep> upstream, List<AlertView> driftAtDecision,
                             List<ModelValidations.Validation> validations, List<Access> accessedBy,
                             String accessNote, boolean partial, String partialReason, Redacted redacted) implements PartialAnswer {

    /** One read of the decision, as the audit recorded it. */
    public record Access(Instant time, String principal, String service, String method, String path, int status) {
    }
}
