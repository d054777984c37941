package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which data, code and environment produced a decision: the decision, the model version that made
 * it, the run that trained that version (code, environment, parameters, metrics), the dataset
 * versions it trained on by role, and everything upstream of those, as a structure and as a graph.
 *
 * @param data     the training run's inputs by role (training, validation, test; "unspecified" without one)
 * @param upstream each dataset version upstream, with the run that wrote it and what that run read
 * @param redacted what the reader's namespace scope withheld (absent for a reader who sees everything)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(DecisionView decision, ModelVersionView modelVersion, RunDetails trainingRun,
                         Map<String, List<RunDetails.DataRef>> data, List<UpstreamStep> upstream, GraphAnswer graph,
                         Instant asOf, boolean partial, String partialReason, Redacted redacted) implements PartialAnswer {

    /** One dataset version upstream of the training data, the run that wrote it, that run's code and inputs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpstreamStep(int depth, RunDetails.DataRef dataset, String writtenByRun, String job, String parentRun,
                               RunDetails.Code code, String environment, List<RunDetails.DataRef> inputs) {
    }
}
