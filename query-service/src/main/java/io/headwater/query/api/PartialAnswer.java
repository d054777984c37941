package io.headwater.query.api;

/** An answer a bound (depth, nodes, time, a client gone) may cut short: partialReason says why, null when whole. */
public interface PartialAnswer {

    String partialReason();
}
