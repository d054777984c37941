package io.headwater.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headwater.contract.retention.LegalHold;

import java.time.Instant;
import java.util.List;

/**
 * Retention as it stands (Q9): each class with its period and the law's minimum, the topics it governs as
 * Kafka keeps them now, what leaves next; the holds in force; how many erasures were made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionStatus(Instant asOf, List<RetentionClassStatus> classes, DecisionExpiryStatus decisionExpiry, List<LegalHold> holds,
                              int erasures) {

    /**
     * @param period        ISO-8601, or null: kept for good
     * @param keptSince     records from before this leave (null: kept for good)
     * @param topicsAsPolicy whether every topic of the class is kept as the period says
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RetentionClassStatus(String name, String description, String period, String legalMinimum, boolean meetsLegalMinimum,
                                       Instant keptSince, boolean topicsAsPolicy, List<TopicRetention> topics) {
    }

    /** @param retentionMs as Kafka has it; -1 kept for good; null when Kafka did not say */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopicRetention(String name, String cleanupPolicy, Long retentionMs, String expected, boolean asPolicy) {
    }

    /** What this instance's last sweep expired and held back, and all it expired since it started (decisions on its share of the partitions). */
    public record DecisionExpiryStatus(String interval, Instant lastSweep, Instant cutOff, int expired, int heldBack, long expiredSinceStart) {
    }
}
