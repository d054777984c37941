package io.headwater.streams.drift;

import io.headwater.avro.AlertSeverity;

/**
 * One metric of one feature in one window, with the thresholds it is judged by. For distances
 * higher is worse; for a quality metric (accuracy) lower is worse, and the thresholds are the
 * training value less the allowed drops.
 */
public record Evaluation(String feature, String metric, double value, double warn, double alert, boolean lowerIsWorse) {

    /** ALERT beyond the alert threshold, WARN beyond the warning one, null when within both. */
    public AlertSeverity severity() {
        if (beyond(alert)) {
            return AlertSeverity.ALERT;
        }
        return beyond(warn) ? AlertSeverity.WARN : null;
    }

    public double threshold(AlertSeverity severity) {
        return severity == AlertSeverity.ALERT ? alert : warn;
    }

    private boolean beyond(double threshold) {
        return lowerIsWorse ? value < threshold : value >= threshold;
    }
}
