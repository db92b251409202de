package org.activebench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activebench.reports.stats.Holm;
import org.activebench.reports.stats.MeanInterval;
import org.activebench.reports.stats.SignedRankTest;

/**
 * {@code a} against {@code b} on one value per seed (a strategy's AUBC, a combination's accuracy at a cost), paired by
 * seed.
 *
 * @param difference     value(a) - value(b) over the paired seeds: mean and 95% t interval
 * @param holmP          the p-value after Holm's correction within its family (vs random, or all pairs)
 */
public record Comparison(String a, String b, MeanInterval difference, SignedRankTest test, double holmP) {

    /** {@code a} against {@code b} on the seeds both have, unadjusted ({@link #holm} adjusts a family). */
    static Comparison paired(String a, String b, Map<Long, Double> x, Map<Long, Double> y) {
        List<Long> common = x.keySet().stream().filter(y::containsKey).toList();
        double[] xs = common.stream().mapToDouble(x::get).toArray();
        double[] ys = common.stream().mapToDouble(y::get).toArray();
        double[] diff = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            diff[i] = xs[i] - ys[i];
        }
        return new Comparison(a, b, MeanInterval.of95(diff), SignedRankTest.of(xs, ys), Double.NaN);
    }

    /** The family with Holm's step-down adjusted p-values. */
    static List<Comparison> holm(List<Comparison> family) {
        double[] adjusted = Holm.adjust(family.stream().mapToDouble(c -> c.test().p()).toArray());
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            Comparison c = family.get(i);
            out.add(new Comparison(c.a(), c.b(), c.difference(), c.test(), adjusted[i]));
        }
        return out;
    }

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
