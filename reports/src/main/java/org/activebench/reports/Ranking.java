package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import org.activebench.reports.stats.FriedmanTest;
import org.activebench.reports.stats.Nemenyi;
import org.activebench.experiment.Role;

/**
 * Strategies ranked on the primary metric's mean AUBC across blocks (Demšar 2006): average ranks, Friedman's test
 * and the Nemenyi critical difference at α = 0.05. Blocks are the data sets (x learners x routings) when there are two or
 * more; with a single data set the seeds are the blocks, which answers a narrower question (this data set only)
 * and is labelled so wherever it is shown.
 *
 * @param blocks     what was ranked over, in words ("3 data sets", "5 seeds of digits")
 * @param strategies those present in every block, in config order
 */
public record Ranking(String blocks, boolean overDatasets, List<String> strategies, FriedmanTest friedman,
                      double criticalDifference) {
    public static final double ALPHA = 0.05;

    static Ranking of(List<DatasetAnalysis> datasets, Metric primary) {
        List<String> common = new ArrayList<>(datasets.getFirst().strategies().stream().map(StrategyStats::strategy).toList());
        datasets.forEach(d -> common.removeIf(s -> d.strategy(s) == null));
        common.removeIf(s -> datasets.getFirst().strategy(s).role() == Role.SKYLINE); // an upper bound, not a competitor
        double[][] scores;
        String blocks;
        boolean overDatasets = datasets.size() >= 2;
        if (overDatasets) {
            scores = new double[datasets.size()][];
            for (int i = 0; i < datasets.size(); i++) {
                DatasetAnalysis d = datasets.get(i);
                scores[i] = common.stream().mapToDouble(s -> d.strategy(s).aubcTrapezoid().get(primary).mean()).toArray();
            }
            boolean oneBlockPerDataset = datasets.stream().map(DatasetAnalysis::dataset).distinct().count() == datasets.size();
            blocks = datasets.size() + (oneBlockPerDataset ? " data sets" : " blocks of data set x learner"
                    + (datasets.stream().anyMatch(d -> d.routing() != null) ? " x routing" : "")
                    + (datasets.stream().anyMatch(d -> d.levers() != null) ? " x levers" : ""));
        } else {
            DatasetAnalysis d = datasets.getFirst();
            List<Long> seeds = d.seeds().stream()
                    .filter(seed -> common.stream().allMatch(s -> d.strategy(s).aubcBySeed().containsKey(seed))).toList();
            scores = new double[seeds.size()][];
            for (int i = 0; i < seeds.size(); i++) {
                long seed = seeds.get(i);
                scores[i] = common.stream().mapToDouble(s -> d.strategy(s).aubcBySeed().get(seed)).toArray();
            }
            blocks = seeds.size() + (seeds.size() == 1 ? " seed of " : " seeds of ") + d.title() + " (one data set: ranks over seeds)";
        }
        FriedmanTest friedman = FriedmanTest.of(scores, true);
        return new Ranking(blocks, overDatasets, List.copyOf(common), friedman,
                Nemenyi.criticalDifference(common.size(), scores.length, ALPHA));
    }

    public double averageRank(String strategy) {
        return friedman.averageRanks()[strategies.indexOf(strategy)];
    }
}
