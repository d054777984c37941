package io.headwater.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The keys of the deployments topic: model, endpoint, then start, so that a model's deployments sort together and by time per endpoint. */
public final class DeploymentKeys {

    private static final char SEP = '\u001f';

    private DeploymentKeys() {
    }

    public static String key(String modelName, String endpoint, Instant deployedAt) {
        return prefix(modelName) + endpoint + SEP + String.format("%020d", ChronoUnit.MICROS.between(Instant.EPOCH, deployedAt));
    }

    /** Every key of one model starts with this. */
    public static String prefix(String modelName) {
        return modelName + SEP;
    }

    /** Just past every key of one model, for a range scan. */
    public static String end(String modelName) {
        return modelName + (char) (SEP + 1);
    }
}
