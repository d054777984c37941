package io.headwater.query.api;

import io.headwater.contract.retention.ErasureReceipt;

import java.util.List;

/** A receipt, and whether every store answers without what it erased ({@code remaining}: the decisions still found). */
public record ErasureStatus(ErasureReceipt receipt, boolean complete, List<String> remaining) {
}
