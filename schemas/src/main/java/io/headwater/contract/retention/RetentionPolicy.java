package io.headwater.contract.retention;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each retention class's period, as a deployment sets it ({@code headwater.retention.decisions=P184D} and so
 * on; {@code forever} keeps for good), else the class's default. One policy is read by the topic tools, which
 * apply it to the topics, and by query-service, which reports it and expires what it covers.
 */
public final class RetentionPolicy {

    private final Map<RetentionClass, Duration> periods;

    private RetentionPolicy(Map<RetentionClass, Duration> periods) {
        this.periods = periods;
    }

    public static RetentionPolicy defaults() {
        return from(name -> Optional.empty());
    }

    /** @param settings a setting's value by name ({@link RetentionClass#settingName()}) */
    public static RetentionPolicy from(Function<String, Optional<String>> settings) {
        Map<RetentionClass, Duration> periods = new EnumMap<>(RetentionClass.class);
        for (RetentionClass retention : RetentionClass.values()) {
            Optional<String> set = settings.apply(retention.settingName()).map(String::trim).filter(s -> !s.isEmpty());
            periods.put(retention, set.isPresent() ? parse(retention, set.get()) : retention.defaultPeriod());
        }
        return new RetentionPolicy(periods);
    }

    private static Duration parse(RetentionClass retention, String value) {
        if (value.equalsIgnoreCase("forever")) {
            return null;
        }
        try {
            Duration period = Duration.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(retention.settingName() + " must be a positive ISO-8601 duration or 'forever', not " + value);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(retention.settingName() + " must be an ISO-8601 duration such as P184D, or 'forever', not " + value);
        }
    }

    /** The class's period; empty: kept for good. */
    public Optional<Duration> period(RetentionClass retention) {
        return Optional.ofNullable(periods.get(retention));
    }

    /** Kafka's {@code retention.ms} for the class: -1 when kept for good. */
    public long retentionMs(RetentionClass retention) {
        return period(retention).map(Duration::toMillis).orElse(-1L);
    }

    /** Whether the period is at least the law's minimum (true when the law sets none). */
    public boolean meetsLegalMinimum(RetentionClass retention) {
        Duration minimum = retention.legalMinimum();
        return minimum == null || period(retention).map(p -> p.compareTo(minimum) >= 0).orElse(true);
    }

    /** A period as ISO-8601 in whole days where it is whole days (P184D, not PT4416H), as it is set. */
    public static String iso(Duration period) {
        return period.toSeconds() % 86_400 == 0 && period.getNano() == 0 ? "P" + period.toDays() + "D" : period.toString();
    }
}
