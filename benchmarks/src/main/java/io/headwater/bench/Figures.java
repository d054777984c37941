package io.headwater.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures one run of the benchmarks measured, each beside its target and, where one applies, the raw Kafka
 * rate on the same machine: what {@code ./headwater bench} prints as one table at the end. Records; never asserts.
 */
public final class Figures {

    /** Which way a figure must go to meet its target. */
    public enum Goal { AT_LEAST, AT_MOST, NONE }

    /**
     * @param ceiling the raw Kafka rate the figure is compared with (0: none)
     */
    public record Figure(String what, double value, String unit, Goal goal, double target, double ceiling) {

        String verdict() {
            return switch (goal) {
                case AT_LEAST -> value >= target ? "meets" : "BELOW";
                case AT_MOST -> value <= target ? "meets" : "ABOVE";
                case NONE -> "";
            };
        }

        String targetText() {
            return switch (goal) {
                case AT_LEAST -> "≥ " + number(target) + " " + unit;
                case AT_MOST -> "≤ " + number(target) + " " + unit;
                case NONE -> "";
            };
        }
    }

    private static final List<Figure> ALL = new ArrayList<>();
    private static double kafkaCeiling;

    private Figures() {
    }

    public static synchronized void add(String what, double value, String unit, Goal goal, double target) {
        ALL.add(new Figure(what, value, unit, goal, target, 0));
    }

    /** A rate measured through Headwater, shown as a share of the raw Kafka producer rate measured in the same run. */
    public static synchronized void rate(String what, double value, Goal goal, double target) {
        ALL.add(new Figure(what, value, "events/s", goal, target, -1));
    }

    public static synchronized void kafkaCeiling(double eventsPerSecond) {
        kafkaCeiling = eventsPerSecond;
        ALL.add(new Figure("raw Kafka producer, same payloads (the ceiling)", eventsPerSecond, "events/s", Goal.NONE, 0, 0));
    }

    public static synchronized List<Figure> all() {
        return List.copyOf(ALL);
    }

    public static synchronized void printTable(PrintStream out, String machine) {
        out.println();
        out.println("Headwater benchmark: every figure of this run");
        out.println("machine: " + machine);
        out.printf("%-62s %14s %-10s %20s %-6s %s%n", "figure", "value", "unit", "target", "", "of Kafka");
        for (Figure figure : ALL) {
            String share = figure.ceiling() < 0 && kafkaCeiling > 0 ? String.format("%.1f %%", 100 * figure.value() / kafkaCeiling) : "";
            out.printf("%-62s %14s %-10s %20s %-6s %s%n", figure.what(), number(figure.value()), figure.unit(), figure.targetText(), figure.verdict(), share);
        }
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%.1f", value);
    }
}
