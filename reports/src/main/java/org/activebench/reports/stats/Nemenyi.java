package org.activebench.reports.stats;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Nemenyi post-hoc test's critical difference of average ranks (Demšar 2006): two strategies differ when their
 * average ranks differ by at least CD = q_α sqrt(k(k+1)/(6N)), with q_α the studentized range quantile (infinite
 * degrees of freedom) over sqrt 2. q_α is computed, not looked up, so any number of strategies works.
 */
public final class Nemenyi {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Nemenyi() {
    }

    public static double criticalDifference(int strategies, int datasets, double alpha) {
        if (strategies < 2 || datasets < 1) {
            return Double.NaN;
        }
        return q(strategies, alpha) * Math.sqrt(strategies * (strategies + 1.0) / (6.0 * datasets));
    }

    /** q_α of Demšar's table: the (1 - α) quantile of the range of k standard normals, over sqrt 2. */
    static double q(int k, double alpha) {
        double range = new BrentSolver(1e-10).solve(200, r -> rangeCdf(k, r) - (1 - alpha), 0.01, 20);
        return range / Math.sqrt(2);
    }

    /** P(range of k iid standard normals <= r) = k ∫ φ(z) [Φ(z) - Φ(z - r)]^(k-1) dz, by Simpson's rule. */
    static double rangeCdf(int k, double r) {
        int steps = 4000;
        double from = -9;
        double to = 9 + r;
        double h = (to - from) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double z = from + i * h;
            double f = NORMAL.density(z) * Math.pow(NORMAL.cumulativeProbability(z) - NORMAL.cumulativeProbability(z - r), k - 1);
            sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return k * sum * h / 3;
    }
}
