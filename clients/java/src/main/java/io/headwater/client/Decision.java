package io.headwater.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One decision a deployed model made, as ingest's {@code /api/v1/decisions} takes it.
 *
 * @param output the model's answer: anything Jackson writes as JSON (a map, a record, a number)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String decisionId, String modelName, String modelVersion, Instant decisionTime, Object output,
                       String inputsRef, String inputsHash, String subjectId, Map<String, String> metadata) {

    public static Decision of(String decisionId, String modelName, String modelVersion, Object output) {
        return new Decision(decisionId, modelName, modelVersion, Instant.now(), output, null, null, null, null);
    }

    public Decision withSubject(String subject) {
        return new Decision(decisionId, modelName, modelVersion, decisionTime, output, inputsRef, inputsHash, subject, metadata);
    }

    public Decision withInputs(String ref, String hash) {
        return new Decision(decisionId, modelName, modelVersion, decisionTime, output, ref, hash, subjectId, metadata);
    }

    public Decision at(Instant time) {
        return new Decision(decisionId, modelName, modelVersion, time, output, inputsRef, inputsHash, subjectId, metadata);
    }
}
