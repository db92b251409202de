package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import org.activebench.experiment.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.experiment.TrialResult;
import org.activebench.experiment.TrialTimings;
import org.activebench.reports.stats.MeanInterval;

/**
 * One strategy on one data set and learner, aggregated over seeds. Every interval is a 95% Student-t interval of
 * the mean over seeds (undefined with one seed).
 *
 * @param aubcLu2023     Lu et al. (2023) AUBC; its mean is NaN (n/a) when a seed stopped before its first query
 * @param aubcBySeed     the primary metric's trapezoid AUBC per seed, in seed order: what the tests pair
 * @param fitMs          mean fit time per round (null when timings are missing)
 * @param predictMs      mean prediction time per round: test set and pool (null when timings are missing)
 * @param queryMs        mean query time per query round (null when timings are missing)
 */
public record StrategyStats(String strategy, Role role, int seeds, Map<Metric, Curve> curves,
                            Map<Metric, MeanInterval> aubcTrapezoid, Map<Metric, MeanInterval> aubcLu2023,
                            Map<Metric, MeanInterval> finalMetrics, MeanInterval finalLabels, List<Reach> reach,
                            Map<Long, Double> aubcBySeed, MeanInterval fitMs, MeanInterval predictMs,
                            MeanInterval queryMs) {

    /** @param fullPoolAccuracy per seed; empty when the results have no references */
    static StrategyStats of(String strategy, Role role, List<StoredTrial> trials, List<Metric> metrics, Metric primary,
                            Map<Long, Double> fullPoolAccuracy, double[] fractions) {
        List<TrialResult> results = trials.stream().map(StoredTrial::result).toList();
        Map<Metric, Curve> curves = new LinkedHashMap<>();
        Map<Metric, MeanInterval> trapezoid = new LinkedHashMap<>();
        Map<Metric, MeanInterval> lu2023 = new LinkedHashMap<>();
        Map<Metric, MeanInterval> finals = new LinkedHashMap<>();
        for (Metric m : metrics) {
            curves.put(m, Curve.of(results, m));
            trapezoid.put(m, over(results, r -> r.aubc(m).trapezoid()));
            lu2023.put(m, over(results, r -> r.aubc(m).lu2023OrNaN()));
            finals.put(m, over(results, r -> r.finalMetric(m)));
        }
        Map<Long, Double> bySeed = new LinkedHashMap<>();
        results.forEach(r -> bySeed.put(r.seed(), r.aubc(primary).trapezoid()));
        List<Reach> reach = Arrays.stream(fractions)
                .mapToObj(f -> reach(results, f, fullPoolAccuracy)).toList();
        boolean timed = trials.stream().allMatch(t -> t.timings() != null);
        return new StrategyStats(strategy, role, results.size(), curves, trapezoid, lu2023, finals,
                over(results, r -> r.rounds().getLast().labelled()), reach, bySeed,
                timed ? over(trials, t -> t.timings().meanFitMs()) : null,
                timed ? over(trials, t -> t.timings().meanPredictMs()) : null,
                timed ? over(trials, t -> t.timings().meanQueryMs()) : null);
    }

    private static <T> MeanInterval over(List<T> items, ToDoubleFunction<T> value) {
        return MeanInterval.of95(items.stream().mapToDouble(value).toArray());
    }

    /** Accuracy is the quantity "full-pool accuracy" refers to, whatever the primary metric. */
    private static Reach reach(List<TrialResult> results, double fraction, Map<Long, Double> fullPool) {
        double[] labels = results.stream().filter(r -> fullPool.containsKey(r.seed())).mapToDouble(r -> {
            double target = fraction * fullPool.get(r.seed());
            return r.rounds().stream().filter(round -> round.metric(Metric.ACCURACY) >= target)
                    .mapToDouble(TrialResult.Round::labelled).findFirst().orElse(Double.NaN);
        }).filter(l -> !Double.isNaN(l)).toArray();
        int seeds = (int) results.stream().filter(r -> fullPool.containsKey(r.seed())).count();
        return new Reach(fraction, labels.length, seeds, MeanInterval.of95(labels), null);
    }

    StrategyStats withSavings(StrategyStats random) {
        List<Reach> withSaving = new ArrayList<>();
        for (int i = 0; i < reach.size(); i++) {
            boolean baseline = random == null || role == Role.BASELINE;
            withSaving.add(reach.get(i).withSaving(baseline ? null : random.reach.get(i)));
        }
        return new StrategyStats(strategy, role, seeds, curves, aubcTrapezoid, aubcLu2023, finalMetrics, finalLabels,
                withSaving, aubcBySeed, fitMs, predictMs, queryMs);
    }
}
