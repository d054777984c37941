package io.headwater.query.alerts;

import io.headwater.avro.DriftAlert;
import io.headwater.query.streams.AlertListener;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alerts as they arrive on this instance (every instance sees every alert: they are in a global
 * store), for the server-sent event stream. Subscribers get what arrives after they connect.
 */
@ApplicationScoped
public class AlertFeed implements AlertListener {

    private final BroadcastProcessor<DriftAlert> broadcast = BroadcastProcessor.create();

    /** Called from the single global-store thread, so emissions are never concurrent. */
    @Override
    public void alertStored(DriftAlert alert) {
        try {
            broadcast.onNext(alert);
        } catch (RuntimeException e) {
            // A broken stream client must never stop the thread that keeps the stores up to date.
            org.jboss.logging.Logger.getLogger(AlertFeed.class).warnf("an alert stream client failed: %s", e.getMessage());
        }
    }

    public Multi<DriftAlert> alerts() {
        return broadcast;
    }
}
