package io.headwater.streams.drift;

/**
 * Distances between a reference distribution (training) and a serving window, both given as
 * proportions over the same bins or categories ({@link Distributions#align}).
 * <ul>
 *   <li>Population stability index: sum of (q - p) ln(q / p). A bin empty on either side would
 *       make it infinite, so proportions are floored at {@link #PSI_FLOOR} (common practice).</li>
 *   <li>Jensen-Shannon distance: the square root of the JS divergence with base-2 logarithms, so
 *       it lies in [0, 1]; empty bins contribute 0 (0 log 0 = 0), never infinity.</li>
 *   <li>Kolmogorov-Smirnov statistic from histograms: the largest gap between the two cumulative
 *       distributions at the bin edges (a lower bound of the sample statistic).</li>
 * </ul>
 */
public final class DriftMetrics {

    public static final double PSI_FLOOR = 1e-4;

    private DriftMetrics() {
    }

    public static double psi(double[] reference, double[] window) {
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = Math.max(reference[i], PSI_FLOOR);
            double q = Math.max(window[i], PSI_FLOOR);
            sum += (q - p) * Math.log(q / p);
        }
        return sum;
    }

    public static double jensenShannonDistance(double[] reference, double[] window) {
        double divergence = 0;
        for (int i = 0; i < reference.length; i++) {
            double m = (reference[i] + window[i]) / 2;
            divergence += half(reference[i], m) + half(window[i], m);
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    public static double kolmogorovSmirnov(double[] reference, double[] window) {
        double cumulativeReference = 0;
        double cumulativeWindow = 0;
        double max = 0;
        for (int i = 0; i < reference.length; i++) {
            cumulativeReference += reference[i];
            cumulativeWindow += window[i];
            max = Math.max(max, Math.abs(cumulativeReference - cumulativeWindow));
        }
        return max;
    }

    /** One side's half of the JS divergence term: 0.5 p log2(p / m), 0 when p is 0. */
    private static double half(double p, double m) {
        return p == 0 ? 0 : 0.5 * p * (Math.log(p / m) / Math.log(2));
    }
}
