package org.activebench.reports;

import org.activebench.experiment.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.experiment.PoolReference;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.reports.stats.Holm;
import org.activebench.reports.stats.MeanInterval;
import org.activebench.reports.stats.SignedRankTest;

/**
 * Everything the report says about one data set and learner: per-strategy aggregates, the full-pool reference,
 * and the paired tests on the primary metric's AUBC. Two families are Holm-corrected separately: every strategy
 * against random (the question most readers ask), and all pairs.
 *
 * @param fullPoolAccuracy the learner fitted on the whole pool, over seeds; n = 0 when not recorded
 */
public record DatasetAnalysis(String dataset, String learner, List<Long> seeds, List<StrategyStats> strategies,
                              MeanInterval fullPoolAccuracy, List<Comparison> vsRandom, List<Comparison> pairwise) {
    static DatasetAnalysis of(String dataset, String learner, Map<String, List<StoredTrial>> byStrategy,
                              java.util.function.Function<String, Role> roles,
                              List<PoolReference> references, List<String> metrics, String primary, double[] fractions) {
        Map<Long, Double> fullPool = new LinkedHashMap<>();
        for (PoolReference r : references) {
            if (r.dataset().equals(dataset) && r.learner().equals(learner) && r.metrics().containsKey("accuracy")) {
                fullPool.put(r.seed(), r.metrics().get("accuracy"));
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
        return new DatasetAnalysis(dataset, learner, seeds, withSavings,
                MeanInterval.of95(fullPool.values().stream().mapToDouble(Double::doubleValue).toArray()),
                holm(vsRandom), holm(pairwise));
    }

    /** Paired on the seeds both strategies ran. */
    private static Comparison compare(StrategyStats a, StrategyStats b) {
        List<Long> common = a.aubcBySeed().keySet().stream().filter(b.aubcBySeed()::containsKey).toList();
        double[] x = common.stream().mapToDouble(a.aubcBySeed()::get).toArray();
        double[] y = common.stream().mapToDouble(b.aubcBySeed()::get).toArray();
        double[] diff = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            diff[i] = x[i] - y[i];
        }
        return new Comparison(a.strategy(), b.strategy(), MeanInterval.of95(diff), SignedRankTest.of(x, y), Double.NaN);
    }

    private static List<Comparison> holm(List<Comparison> family) {
        double[] adjusted = Holm.adjust(family.stream().mapToDouble(c -> c.test().p()).toArray());
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            Comparison c = family.get(i);
            out.add(new Comparison(c.a(), c.b(), c.difference(), c.test(), adjusted[i]));
        }
        return out;
    }

    public StrategyStats strategy(String name) {
        return strategies.stream().filter(s -> s.strategy().equals(name)).findFirst().orElse(null);
    }

    /** The comparison of this strategy with random, if both ran. */
    public Comparison againstRandom(String strategy) {
        return vsRandom.stream().filter(c -> c.a().equals(strategy)).findFirst().orElse(null);
    }

    public String title() {
        return dataset + " · " + learner;
    }
}
