package io.headwater.query.streams;

import io.headwater.avro.DriftAlert;

/**
 * Told of each alert as the replica's alert store takes it in, on the store's one thread; must not block
 * or throw. The live alert feed (alerts/AlertFeed) listens, so the topology knows nothing of who does.
 */
@FunctionalInterface
public interface AlertListener {

    void alertStored(DriftAlert alert);
}
