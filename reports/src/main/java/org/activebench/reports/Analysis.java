package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.activebench.experiment.ResultsDirectory;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.experiment.TrialResult;

/**
 * The statistics of a whole results directory: one {@link DatasetAnalysis} per data set, learner and routing, in
 * config order, and the ranking across them; in studies that name their annotators also one {@link CostAnalysis} per
 * data set and learner, every routing at equal cost; in studies with a levers axis one {@link LeverAnalysis} per
 * data set, learner and routing, every setting against the control. The primary metric (what AUBC tests and rankings use) is accuracy when it
 * was measured, else the config's first metric.
 */
public record Analysis(ResultsDirectory source, Metric primaryMetric, List<Metric> metrics, List<String> strategies,
                       List<DatasetAnalysis> datasets, Ranking ranking, List<CostAnalysis> costs,
                       List<LeverAnalysis> levers) {
    /** Fractions of the full-pool accuracy for which labels-to-reach are reported. */
    static final double[] REACH_FRACTIONS = {0.95, 0.99};

    /** Says that trials of an earlier, larger config in the directory are not described. */
    static String leftOutNote(int trials) {
        return trials + (trials == 1 ? " trial" : " trials") + " in this directory belong to none of the data sets,"
                + " learners, strategies and seeds of the config in manifest.json (an earlier, larger config) and are"
                + " left out, as in results.csv.";
    }

    public static Analysis of(ResultsDirectory source) {
        List<Metric> metrics = source.trials().getFirst().result().metrics();
        Metric primary = metrics.contains(Metric.ACCURACY) ? Metric.ACCURACY : metrics.getFirst();
        Map<List<String>, Map<String, List<StoredTrial>>> groups = new LinkedHashMap<>();
        Map<List<String>, List<StoredTrial>> byLearner = new LinkedHashMap<>();
        List<String> strategies = new ArrayList<>();
        for (StoredTrial t : source.trials()) {
            TrialResult r = t.result();
            groups.computeIfAbsent(java.util.Arrays.asList(r.dataset(), r.learner(), r.routing(), r.levers()),
                            g -> new LinkedHashMap<>())
                    .computeIfAbsent(r.strategy(), s -> new ArrayList<>()).add(t);
            byLearner.computeIfAbsent(List.of(r.dataset(), r.learner()), g -> new ArrayList<>()).add(t);
            if (!strategies.contains(t.result().strategy())) {
                strategies.add(t.result().strategy());
            }
        }
        List<DatasetAnalysis> datasets = new ArrayList<>();
        for (Map<String, List<StoredTrial>> group : groups.values()) {
            StoredTrial first = group.values().iterator().next().getFirst();
            datasets.add(DatasetAnalysis.of(first.result().dataset(), first.result().learner(), first.result().routing(),
                    first.result().levers(), group, source::role, source.references(), metrics, primary, REACH_FRACTIONS));
        }
        JsonNode budget = source.manifest().path("config").path("budget").path("cost");
        List<CostAnalysis> costs = new ArrayList<>();
        byLearner.forEach((key, trials) -> {
            CostAnalysis c = CostAnalysis.of(key.get(0), key.get(1), trials, source::role, primary,
                    budget.isNumber() ? budget.asDouble() : null);
            if (c != null) {
                costs.add(c);
            }
        });
        Map<List<String>, List<DatasetAnalysis>> bySetting = new LinkedHashMap<>();
        datasets.stream().filter(d -> d.levers() != null).forEach(d -> bySetting.computeIfAbsent(
                java.util.Arrays.asList(d.dataset(), d.learner(), d.routing()), g -> new ArrayList<>()).add(d));
        List<LeverAnalysis> levers = bySetting.values().stream().filter(blocks -> blocks.size() >= 2)
                .map(blocks -> LeverAnalysis.of(blocks, primary)).toList();
        return new Analysis(source, primary, List.copyOf(metrics), List.copyOf(strategies), List.copyOf(datasets),
                Ranking.of(datasets, primary), List.copyOf(costs), levers);
    }

    /** A fixed position per strategy, the same in every chart and table: its colour. */
    public int colourIndex(String strategy) {
        return strategies.indexOf(strategy);
    }

    public String kernelBackend() {
        return source.manifest().path("kernelBackend").asText("unknown");
    }
}
