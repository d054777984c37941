package io.headwater.streams.drift;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Thresholds from configuration: {@code headwater.drift.<metric>.warn|alert} globally, and
 * {@code headwater.drift.model.<model name>.<metric>.warn|alert} for one model (a noisy model can
 * be given more room without loosening every other). Defaults follow common practice: PSI 0.1 warn
 * / 0.2 alert; Jensen-Shannon distance 0.05 / 0.1; KS 0.1 / 0.2; a quality metric 0.02 / 0.05 below
 * its training value; resolved after 3 windows back within.
 */
public final class DriftThresholds {

    public record Pair(double warn, double alert) {
    }

    static final Map<String, String> DEFAULTS = Map.of(
            "psi.warn", "0.1", "psi.alert", "0.2",
            "js.warn", "0.05", "js.alert", "0.1",
            "ks.warn", "0.1", "ks.alert", "0.2",
            "quality-drop.warn", "0.02", "quality-drop.alert", "0.05",
            "resolve-after-windows", "3");

    private final Function<String, Optional<String>> config;

    /** @param config looks a full key up (e.g. headwater.drift.psi.alert); empty falls back to the defaults */
    public DriftThresholds(Function<String, Optional<String>> config) {
        this.config = config;
    }

    public static DriftThresholds defaults() {
        return new DriftThresholds(key -> Optional.empty());
    }

    /** For psi, js, ks: a distance at or above warn warns, at or above alert alerts. */
    public Pair of(String model, String metric) {
        return new Pair(value(model, metric + ".warn"), value(model, metric + ".alert"));
    }

    /** For a quality metric: how far below the training value it may fall before a warning and an alert. */
    public Pair qualityDrop(String model) {
        return new Pair(value(model, "quality-drop.warn"), value(model, "quality-drop.alert"));
    }

    public int resolveAfterWindows() {
        return Integer.parseInt(config.apply("headwater.drift.resolve-after-windows").orElse(DEFAULTS.get("resolve-after-windows")));
    }

    private double value(String model, String key) {
        return Double.parseDouble(config.apply("headwater.drift.model." + model + "." + key)
                .or(() -> config.apply("headwater.drift." + key))
                .orElse(DEFAULTS.get(key)));
    }
}
