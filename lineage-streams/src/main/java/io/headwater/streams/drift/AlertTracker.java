package io.headwater.streams.drift;

import io.headwater.avro.AlertSeverity;
import io.headwater.avro.AlertState;
import io.headwater.avro.DriftAlert;
import io.headwater.avro.DriftAlertState;
import io.headwater.avro.MonitoringStats;

import java.time.Instant;

/**
 * One alert per model version, feature and metric: opened by the first window beyond a threshold,
 * updated quietly while it stays beyond (re-announced only when it escalates from WARN to ALERT),
 * resolved after a number of windows in a row back within the thresholds. Windows older than, or
 * the same as, the latest one seen are ignored, so repeats and stragglers raise nothing.
 */
public final class AlertTracker {

    /** The new state, and the alert to announce (null when nothing changed that anyone needs to hear). */
    public record Step(DriftAlertState state, DriftAlert announce) {
    }

    private AlertTracker() {
    }

    public static Step step(DriftAlertState state, Evaluation evaluation, MonitoringStats window, String referenceProfileId,
                            int resolveAfterWindows, Instant now) {
        DriftAlertState current = state == null ? new DriftAlertState(null, 0, null) : state;
        if (current.getLastWindowEnd() != null && !window.getWindowEnd().isAfter(current.getLastWindowEnd())) {
            return new Step(current, null);
        }
        DriftAlert open = current.getOpen();
        AlertSeverity severity = evaluation.severity();
        if (severity != null) {
            if (open == null) {
                DriftAlert opened = DriftAlert.newBuilder()
                        .setAlertId(window.getModelName() + "/" + window.getModelVersion() + "/" + evaluation.feature() + "/" + evaluation.metric()
                                + "/" + window.getWindowStart())
                        .setModelName(window.getModelName()).setModelVersion(window.getModelVersion())
                        .setFeature(evaluation.feature()).setMetric(evaluation.metric())
                        .setValue(evaluation.value()).setThreshold(evaluation.threshold(severity))
                        .setWindowStart(window.getWindowStart()).setWindowEnd(window.getWindowEnd())
                        .setReferenceProfileId(referenceProfileId).setSeverity(severity).setState(AlertState.OPEN)
                        .setOpenedAt(now).setUpdatedAt(now).build();
                return new Step(new DriftAlertState(opened, 0, window.getWindowEnd()), opened);
            }
            boolean escalated = open.getSeverity() == AlertSeverity.WARN && severity == AlertSeverity.ALERT;
            DriftAlert updated = DriftAlert.newBuilder(open).setValue(evaluation.value())
                    .setSeverity(escalated ? AlertSeverity.ALERT : open.getSeverity())
                    .setThreshold(evaluation.threshold(escalated ? AlertSeverity.ALERT : open.getSeverity()))
                    .setWindowStart(window.getWindowStart()).setWindowEnd(window.getWindowEnd()).setUpdatedAt(now).build();
            return new Step(new DriftAlertState(updated, 0, window.getWindowEnd()), escalated ? updated : null);
        }
        if (open == null) {
            return new Step(new DriftAlertState(null, 0, window.getWindowEnd()), null);
        }
        int ok = current.getOkWindows() + 1;
        if (ok >= resolveAfterWindows) {
            DriftAlert resolved = DriftAlert.newBuilder(open).setState(AlertState.RESOLVED).setValue(evaluation.value())
                    .setWindowStart(window.getWindowStart()).setWindowEnd(window.getWindowEnd()).setUpdatedAt(now).build();
            return new Step(new DriftAlertState(null, 0, window.getWindowEnd()), resolved);
        }
        return new Step(new DriftAlertState(open, ok, window.getWindowEnd()), null);
    }
}
