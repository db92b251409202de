package org.activebench.reports;

import org.activebench.reports.stats.MeanInterval;
import org.activebench.reports.stats.SignedRankTest;

/**
 * Strategy {@code a} against {@code b} on the primary metric's AUBC, paired by seed.
 *
 * @param difference     AUBC(a) - AUBC(b) over the paired seeds: mean and 95% t interval
 * @param holmP          the p-value after Holm's correction within its family (vs random, or all pairs)
 */
public record Comparison(String a, String b, MeanInterval difference, SignedRankTest test, double holmP) {

    public boolean significant(double alpha) {
        return holmP < alpha;
    }

    /**
     * The smallest two-sided p the exact signed-rank test can give with this many pairs, 2 / 2^n: with 5 seeds it
     * is 0.0625, so no 5-seed comparison can reach 0.05 however large the gain. Readers need to know that.
     */
    public double smallestAttainableP() {
        return Math.min(1, Math.pow(2, 1 - test().pairs()));
    }
}
