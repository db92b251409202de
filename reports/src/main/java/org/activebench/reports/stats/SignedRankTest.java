package org.activebench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilcoxon's signed-rank test of paired samples (e.g. one strategy's AUBC vs another's on the same seeds),
 * two-sided. Zero differences are dropped (Wilcoxon's convention); ties among the rest get mid-ranks. The p-value
 * is exact — the permutation distribution of the signed ranks actually observed, ties included — up to
 * {@value #EXACT_LIMIT} non-zero pairs, and from the normal approximation with tie correction above.
 *
 * @param pairs      pairs with a non-zero difference
 * @param wPlus      sum of the ranks of positive differences (a better than b)
 * @param wMinus     sum of the ranks of negative differences
 * @param p          two-sided p-value; 1 when no pair differs
 * @param effect     matched-pairs rank-biserial correlation (wPlus - wMinus) / (wPlus + wMinus), in [-1, 1];
 *                   0 when no pair differs
 * @param wins       pairs where a > b
 * @param ties       pairs where a == b
 * @param losses     pairs where a < b
 */
public record SignedRankTest(int pairs, double wPlus, double wMinus, double p, double effect, int wins, int ties,
                             int losses) {
    static final int EXACT_LIMIT = 200;

    public static SignedRankTest of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int wins = 0;
        int ties = 0;
        int losses = 0;
        double[] differences = new double[a.length];
        int pairs = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            if (d > 0) {
                wins++;
            } else if (d < 0) {
                losses++;
            } else {
                ties++;
                continue;
            }
            differences[pairs++] = d;
        }
        if (pairs == 0) {
            return new SignedRankTest(0, 0, 0, 1, 0, wins, ties, losses);
        }
        double[] magnitudes = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            magnitudes[i] = Math.abs(differences[i]);
        }
        double[] ranks = Ranks.ascending(magnitudes);
        double wPlus = 0;
        for (int i = 0; i < pairs; i++) {
            if (differences[i] > 0) {
                wPlus += ranks[i];
            }
        }
        double total = pairs * (pairs + 1) / 2.0;
        double wMinus = total - wPlus;
        double p = pairs <= EXACT_LIMIT ? exactP(ranks, wPlus) : normalP(ranks, wPlus);
        return new SignedRankTest(pairs, wPlus, wMinus, p, (wPlus - wMinus) / total, wins, ties, losses);
    }

    /**
     * P(|W+ - E W+| >= |w - E W+|) over the 2^n equally likely sign patterns. Mid-ranks are multiples of 1/2, so
     * the doubled ranks are integers and the distribution is a subset-sum count.
     */
    private static double exactP(double[] ranks, double wPlus) {
        int[] doubled = new int[ranks.length];
        int max = 0;
        for (int i = 0; i < ranks.length; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            max += doubled[i];
        }
        double[] ways = new double[max + 1]; // ways[s] / 2^n = P(2 W+ = s)
        ways[0] = 1;
        int reach = 0;
        for (int r : doubled) {
            reach += r;
            for (int s = reach; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        double centre = max / 2.0;
        double observed = Math.abs(2 * wPlus - centre);
        double extreme = 0;
        double all = 0;
        for (int s = 0; s <= max; s++) {
            all += ways[s];
            if (Math.abs(s - centre) >= observed - 1e-9) {
                extreme += ways[s];
            }
        }
        return Math.min(1, extreme / all);
    }

    private static double normalP(double[] ranks, double wPlus) {
        int n = ranks.length;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieCorrection(ranks) / 48.0;
        double z = Math.abs(wPlus - mean) / Math.sqrt(variance);
        return Math.min(1, 2 * new NormalDistribution().cumulativeProbability(-z));
    }

    /** Σ (t³ - t) over groups of t tied ranks. */
    private static double tieCorrection(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int start = 0; start < sorted.length; ) {
            int end = start;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[start]) {
                end++;
            }
            double t = end - start + 1;
            sum += t * t * t - t;
            start = end + 1;
        }
        return sum;
    }
}
