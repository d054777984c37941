package io.headwater.contract.retention;

import java.time.Duration;

/**
 * How long a kind of fact must be kept, by the law that asks for it. Every contract topic belongs to one
 * class; a deployment sets each class's period ({@link RetentionPolicy}) and the topics, the stores that
 * fold them and the audit follow it.
 */
public enum RetentionClass {
    /** Decision logs and monitoring: the automatic logs of EU AI Act Art. 12, kept at least six months (Art. 19, Art. 26(6)). */
    DECISIONS("decision logs and monitoring", Duration.ofDays(184), Duration.ofDays(183)),
    /** Lineage, the graph and what documents a model (Art. 18: technical documentation kept ten years). */
    LINEAGE("lineage and technical documentation", Duration.ofDays(3653), Duration.ofDays(3653)),
    /** Who read or changed what. */
    AUDIT("access audit", Duration.ofDays(3653), null),
    /** The platform's own state (keys, subscriptions, schemas, holds, erasure receipts, dead letters): kept while in use. */
    OPERATIONAL("platform state", null, null);

    private final String description;
    private final Duration defaultPeriod;
    private final Duration legalMinimum;

    RetentionClass(String description, Duration defaultPeriod, Duration legalMinimum) {
        this.description = description;
        this.defaultPeriod = defaultPeriod;
        this.legalMinimum = legalMinimum;
    }

    public String description() {
        return description;
    }

    /** The period when a deployment sets none; null: kept for good. */
    public Duration defaultPeriod() {
        return defaultPeriod;
    }

    /** The shortest period the law cited allows; null when it sets none. */
    public Duration legalMinimum() {
        return legalMinimum;
    }

    /** The name of its setting: {@code headwater.retention.<class>} (env {@code HEADWATER_RETENTION_<CLASS>}). */
    public String settingName() {
        return "headwater.retention." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
