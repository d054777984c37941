package io.headwater.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.Problem;

import java.util.List;

/**
 * The outcome of a batch, item by item. Each item stands alone: "accepted" items are in Kafka,
 * "rejected" ones (invalid) were never stored and will not be, "unavailable" ones were not
 * acknowledged by Kafka in time and may be retried. Retrying a whole batch is safe: event ids
 * are deterministic, so repeats are dropped downstream.
 */
public record BatchResult(int accepted, int rejected, int unavailable, List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String status, String eventId, String detail, List<Problem.FieldError> errors) {

        public static Item accepted(int index, String eventId) {
            return new Item(index, "accepted", eventId, null, null);
        }

        public static Item rejected(int index, String detail, List<Problem.FieldError> errors) {
            return new Item(index, "rejected", null, detail, errors);
        }

        public static Item unavailable(int index, String eventId, String detail) {
            return new Item(index, "unavailable", eventId, detail, null);
        }
    }
}
