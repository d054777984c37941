package io.headwater.query.api;

import java.util.List;

/**
 * Runs side by side: one row per parameter, final metric value, code coordinate, environment
 * property, package and dataset (the version each run read), values in the order of {@code runs},
 * null where a run has none, {@code differs} where they are not all equal.
 */
public record RunComparison(List<String> runs, List<Row> parameters, List<Row> metrics, List<Row> code, List<Row> environment,
                            List<Row> packages, List<Row> data, int differences) {

    public record Row(String name, List<Object> values, boolean differs) {
    }
}
