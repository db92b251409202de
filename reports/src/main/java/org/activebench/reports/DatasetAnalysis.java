package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import org.activebench.experiment.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.experiment.PoolReference;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.reports.stats.MeanInterval;

/**
 * Everything the report says about one data set and learner (and routing, in studies that name their annotators):
 * per-strategy aggregates, the full-pool reference,
 * and the paired tests on the primary metric's AUBC. Two families are Holm-corrected separately: every strategy
 * against random (the question most readers ask), and all pairs.
 *
 * @param routing          the routing's label; null in studies of the simulated oracle
 * @param levers           the setting of the training levers; null in studies without a levers axis
 * @param fullPoolAccuracy the learner fitted on the whole pool, over seeds; n = 0 when not recorded
 */
public record DatasetAnalysis(String dataset, String learner, String routing, String levers, List<Long> seeds, List<StrategyStats> strategies,
                              MeanInterval fullPoolAccuracy, List<Comparison> vsRandom, List<Comparison> pairwise) {
    static DatasetAnalysis of(String dataset, String learner, String routing, String levers,
                              Map<String, List<StoredTrial>> byStrategy,
                              java.util.function.Function<String, Role> roles,
                              List<PoolReference> references, List<Metric> metrics, Metric primary, double[] fractions) {
        Map<Long, Double> fullPool = new LinkedHashMap<>();
        for (PoolReference r : references) {
            if (r.dataset().equals(dataset) && r.learner().equals(learner) && !Double.isNaN(r.metric(Metric.ACCURACY))) {
                fullPool.put(r.seed(), r.metric(Metric.ACCURACY));
            }
        }
        List<StrategyStats> stats = new ArrayList<>();
        byStrategy.forEach((name, trials) -> stats.add(StrategyStats.of(name, roles.apply(name), trials, metrics, primary, fullPool, fractions)));
        StrategyStats random = stats.stream().filter(s -> s.role() == Role.BASELINE).findFirst().orElse(null);
        List<StrategyStats> withSavings = stats.stream().map(s -> s.withSavings(random)).toList();

        List<Comparison> vsRandom = new ArrayList<>();
        List<Comparison> pairwise = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            for (int j = i + 1; j < stats.size(); j++) {
                pairwise.add(compare(stats.get(i), stats.get(j)));
            }
            if (random != null && stats.get(i) != random) {
                vsRandom.add(compare(stats.get(i), random));
            }
        }
        List<Long> seeds = byStrategy.values().stream().flatMap(List::stream).map(t -> t.result().seed())
                .distinct().sorted().toList();
        return new DatasetAnalysis(dataset, learner, routing, levers, seeds, withSavings,
                MeanInterval.of95(fullPool.values().stream().mapToDouble(Double::doubleValue).toArray()),
                Comparison.holm(vsRandom), Comparison.holm(pairwise));
    }

    /** Paired on the seeds both strategies ran. */
    private static Comparison compare(StrategyStats a, StrategyStats b) {
        return Comparison.paired(a.strategy(), b.strategy(), a.aubcBySeed(), b.aubcBySeed());
    }

    public StrategyStats strategy(String name) {
        return strategies.stream().filter(s -> s.strategy().equals(name)).findFirst().orElse(null);
    }

    /** The comparison of this strategy with random, if both ran. */
    public Comparison againstRandom(String strategy) {
        return vsRandom.stream().filter(c -> c.a().equals(strategy)).findFirst().orElse(null);
    }

    public String title() {
        return dataset + " · " + learner + (routing == null ? "" : " · " + routing) + (levers == null ? "" : " · " + levers);
    }
}
