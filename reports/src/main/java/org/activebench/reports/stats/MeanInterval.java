package org.activebench.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean with its Student-t confidence interval over seeds: mean ± halfWidth. With fewer than two values the
 * interval does not exist; halfWidth is then NaN and {@link #defined()} false, never a made-up zero.
 */
public record MeanInterval(double mean, double halfWidth, int n) {

    /** The 95% interval of the mean of {@code values}. */
    public static MeanInterval of95(double[] values) {
        return of(values, 0.95);
    }

    public static MeanInterval of(double[] values, double level) {
        int n = values.length;
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new MeanInterval(mean, Double.NaN, n);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + level / 2);
        return new MeanInterval(mean, t * sd / Math.sqrt(n), n);
    }

    public boolean defined() {
        return !Double.isNaN(halfWidth);
    }
}
