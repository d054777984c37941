package io.headwater.ingest.decisions;

import java.util.List;

/** A decision id already recorded with other content; answered with 409, and nothing of the request is stored. */
public class DecisionConflictException extends RuntimeException {

    private final String decisionId;
    private final List<String> differences;

    public DecisionConflictException(String decisionId, List<String> differences) {
        super("decision " + decisionId + " is already recorded with other content (" + String.join("; ", differences)
                + "); a decision never changes: send a new decision id");
        this.decisionId = decisionId;
        this.differences = List.copyOf(differences);
    }

    public String decisionId() {
        return decisionId;
    }

    public List<String> differences() {
        return differences;
    }
}
