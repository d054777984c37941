package io.headwater.query.api;

/**
 * An erasure asked for: a data subject (every decision about them) or a node (one decision, or a dataset
 * version whose downstream must be known). Dry run unless {@code dryRun} is false: the impact, nothing deleted.
 *
 * @param reason why (a request or ticket reference); kept on the receipt
 */
public record ErasureRequest(String subjectId, String target, Boolean dryRun, String reason) {

    public boolean executes() {
        return Boolean.FALSE.equals(dryRun);
    }
}
