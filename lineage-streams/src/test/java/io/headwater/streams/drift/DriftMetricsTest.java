package io.headwater.streams.drift;

import io.headwater.avro.DistributionKind;
import io.headwater.avro.FeatureDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PSI, Jensen-Shannon distance and KS on small fixed histograms, against values worked out by hand
 * (the sums written out term by term, evaluated separately in Python to 17 digits).
 */
class DriftMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void numericHistogramAgainstHandComputedValues() {
        Distributions.Aligned a = Distributions.align(numeric(List.of(0.0, 1.0, 2.0, 3.0, 4.0), 25, 25, 25, 25),
                numeric(List.of(0.0, 1.0, 2.0, 3.0, 4.0), 10, 20, 30, 40));
        // PSI = (.1-.25)ln(.1/.25) + (.2-.25)ln(.2/.25) + (.3-.25)ln(.3/.25) + (.4-.25)ln(.4/.25)
        assertThat(DriftMetrics.psi(a.reference(), a.window())).isCloseTo(0.22821740957339182, within(EPS));
        assertThat(DriftMetrics.jensenShannonDistance(a.reference(), a.window())).isCloseTo(0.20050332253142816, within(EPS));
        // Cumulative .25/.50/.75/1 against .1/.3/.6/1: the largest gap is at the second edge.
        assertThat(DriftMetrics.kolmogorovSmirnov(a.reference(), a.window())).isCloseTo(0.2, within(EPS));
    }

    @Test
    void emptyBinsGiveFiniteValues() {
        Distributions.Aligned a = Distributions.align(numeric(List.of(0.0, 1.0, 2.0, 3.0), 50, 50, 0), numeric(List.of(0.0, 1.0, 2.0, 3.0), 0, 50, 50));
        // Floored at 1e-4: 2 × (0.5 − 1e-4) × ln(0.5 / 1e-4).
        assertThat(DriftMetrics.psi(a.reference(), a.window())).isCloseTo(8.515489752777954, within(EPS)).isFinite();
        // M = (.25, .5, .25): JSD = ½·½·log2(2) + ½·½·log2(2) = 0.5; distance √0.5.
        assertThat(DriftMetrics.jensenShannonDistance(a.reference(), a.window())).isCloseTo(Math.sqrt(0.5), within(EPS));
        assertThat(DriftMetrics.kolmogorovSmirnov(a.reference(), a.window())).isCloseTo(0.5, within(EPS));
    }

    @Test
    void categoriesAreComparedOverTheirUnion() {
        FeatureDistribution reference = categorical(Map.of("a", 50L, "b", 50L));
        FeatureDistribution window = categorical(Map.of("a", 30L, "b", 50L, "c", 20L));
        Distributions.Aligned a = Distributions.align(reference, window);
        assertThat(DriftMetrics.psi(a.reference(), a.window())).isCloseTo(1.6215855264156604, within(EPS));
        assertThat(DriftMetrics.jensenShannonDistance(a.reference(), a.window())).isCloseTo(0.34384065907046824, within(EPS));
    }

    @Test
    void aWindowWithOtherEdgesIsSpreadOntoTheReferenceBins() {
        // Window bins [0,2) 30 and [2,4) 70 spread evenly: 15, 15, 35, 35.
        Distributions.Aligned a = Distributions.align(numeric(List.of(0.0, 1.0, 2.0, 3.0, 4.0), 25, 25, 25, 25),
                numeric(List.of(0.0, 2.0, 4.0), 30, 70));
        assertThat(a.window()).containsExactly(new double[]{0.15, 0.15, 0.35, 0.35}, within(EPS));
        assertThat(DriftMetrics.psi(a.reference(), a.window())).isCloseTo(0.16945957207744072, within(EPS));
        assertThat(DriftMetrics.jensenShannonDistance(a.reference(), a.window())).isCloseTo(0.17408372939284805, within(EPS));
        // Mass beyond the reference range lands in the end bins.
        Distributions.Aligned wide = Distributions.align(numeric(List.of(0.0, 1.0, 2.0), 1, 1), numeric(List.of(-1.0, 3.0), 4));
        assertThat(wide.window()).containsExactly(new double[]{0.5, 0.5}, within(EPS));
    }

    @Test
    void identicalDistributionsAreZeroAndIncomparableOnesAreSkipped() {
        Distributions.Aligned same = Distributions.align(numeric(List.of(0.0, 1.0, 2.0), 3, 7), numeric(List.of(0.0, 1.0, 2.0), 30, 70));
        assertThat(DriftMetrics.psi(same.reference(), same.window())).isCloseTo(0, within(EPS));
        assertThat(DriftMetrics.jensenShannonDistance(same.reference(), same.window())).isCloseTo(0, within(EPS));
        assertThat(Distributions.align(numeric(List.of(0.0, 1.0), 5), categorical(Map.of("a", 1L)))).isNull();
        assertThat(Distributions.align(numeric(List.of(0.0, 1.0), 5), numeric(List.of(0.0, 1.0), 0))).isNull();
    }

    static FeatureDistribution numeric(List<Double> edges, long... counts) {
        return new FeatureDistribution("x", DistributionKind.NUMERIC, edges, java.util.Arrays.stream(counts).boxed().toList(), Map.of());
    }

    static FeatureDistribution categorical(Map<String, Long> categories) {
        return new FeatureDistribution("x", DistributionKind.CATEGORICAL, List.of(), List.of(), categories);
    }
}
