package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.experiment.Role;
import org.activebench.experiment.TrialResult;
import org.activebench.reports.stats.MeanInterval;

/**
 * Every strategy x routing of one data set and learner at equal labelling cost: the primary metric at
 * {@link #FRACTIONS} of the budget B ({@link CostCurve#at}), the AUBC over the cost axis, and the ledger at the end.
 * At each fraction every combination is compared with the best there, paired by seed (Wilcoxon, Holm-corrected).
 *
 * @param budget the study's cost budget, or, without one, the least any trial spent (so that every combination is
 *               observed up to it)
 */
public record CostAnalysis(String dataset, String learner, double budget, List<Arm> arms,
                           List<List<Comparison>> vsBest) {
    /** The shares of the budget at which combinations are compared. */
    static final double[] FRACTIONS = {0.25, 0.5, 1.0};

    /**
     * One strategy under one routing, over seeds.
     *
     * @param trials    its trials, one per seed
     * @param at        per fraction of the budget, the metric per seed (NaN where that seed had no model yet)
     * @param aubcCost  the AUBC over the cost axis per seed ({@link CostCurve#aubc})
     * @param labelsBy  per annotator, the labels its answers gave, at the end of the trial
     * @param costBy    per annotator, what its answers cost, at the end of the trial
     * @param errorRate the share of the labelled set that is wrong, at the end
     */
    public record Arm(String routing, String levers, String strategy, Role role, List<TrialResult> trials,
                      List<Map<Long, Double>> at, Map<Long, Double> aubcCost,
                      Map<String, MeanInterval> labelsBy, Map<String, MeanInterval> costBy, MeanInterval spent,
                      MeanInterval labelled, MeanInterval errorRate, MeanInterval abstained) {
        /** How this combination is named in tables and charts. */
        public String name() {
            return StrategyLabel.of(strategy, role) + " · " + routing + (levers == null ? "" : " · " + levers);
        }

        public MeanInterval at(int fraction) {
            return MeanInterval.of95(at.get(fraction).values().stream().mapToDouble(Double::doubleValue).toArray());
        }

        public MeanInterval aubc() {
            return MeanInterval.of95(aubcCost.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** The cost analysis of one data set and learner, or null when its trials carry no ledger. */
    static CostAnalysis of(String dataset, String learner, List<StoredTrial> trials,
                           java.util.function.Function<String, Role> roles, Metric metric, Double configBudget) {
        List<TrialResult> results = trials.stream().map(StoredTrial::result).toList();
        if (results.stream().anyMatch(r -> r.rounds().getFirst().ledger() == null)) {
            return null;
        }
        double budget = configBudget != null ? configBudget
                : results.stream().mapToDouble(r -> r.rounds().getLast().ledger().cost()).min().orElseThrow();
        Map<List<String>, List<TrialResult>> byArm = new LinkedHashMap<>();
        results.forEach(r -> byArm.computeIfAbsent(java.util.Arrays.asList(String.valueOf(r.routing()), r.levers(),
                r.strategy()), k -> new ArrayList<>()).add(r));
        List<Arm> arms = new ArrayList<>();
        byArm.forEach((key, list) -> arms.add(arm(key.get(0), key.get(1), key.get(2), roles.apply(key.get(2)), list,
                metric, budget)));
        List<List<Comparison>> vsBest = new ArrayList<>();
        for (int f = 0; f < FRACTIONS.length; f++) {
            vsBest.add(againstBest(arms, f));
        }
        return new CostAnalysis(dataset, learner, budget, List.copyOf(arms), List.copyOf(vsBest));
    }

    private static Arm arm(String routing, String levers, String strategy, Role role, List<TrialResult> trials, Metric metric,
                           double budget) {
        List<Map<Long, Double>> at = new ArrayList<>();
        for (double f : FRACTIONS) {
            Map<Long, Double> bySeed = new LinkedHashMap<>();
            trials.forEach(t -> {
                double v = CostCurve.at(t, metric, f * budget);
                if (!Double.isNaN(v)) {
                    bySeed.put(t.seed(), v);
                }
            });
            at.add(bySeed);
        }
        Map<Long, Double> aubc = new LinkedHashMap<>();
        trials.forEach(t -> aubc.put(t.seed(), CostCurve.aubc(t, metric, budget)));
        List<TrialResult.Ledger> ends = trials.stream().map(t -> t.rounds().getLast().ledger()).toList();
        TreeSet<String> annotators = new TreeSet<>();
        ends.forEach(l -> annotators.addAll(l.labelsBy().keySet()));
        Map<String, MeanInterval> labelsBy = new LinkedHashMap<>();
        Map<String, MeanInterval> costBy = new LinkedHashMap<>();
        for (String a : annotators) {
            labelsBy.put(a, over(ends, l -> l.labelsBy().getOrDefault(a, 0)));
            costBy.put(a, over(ends, l -> l.costBy() == null ? Double.NaN : l.costBy().getOrDefault(a, 0.0)));
        }
        return new Arm(routing, levers, strategy, role, List.copyOf(trials), List.copyOf(at), aubc, labelsBy, costBy,
                over(ends, TrialResult.Ledger::cost), over(trials, t -> t.rounds().getLast().labelled()),
                over(ends, TrialResult.Ledger::errorRate), over(ends, TrialResult.Ledger::abstained));
    }

    private static <T> MeanInterval over(List<T> items, ToDoubleFunction<T> value) {
        return MeanInterval.of95(items.stream().mapToDouble(value).toArray());
    }

    /**
     * Every combination but the best (the highest mean at this fraction; skylines are not candidates) against the
     * best, on the seeds where both had a model; Holm-corrected as one family. A combination without a model at this
     * cost is not compared.
     */
    private static List<Comparison> againstBest(List<Arm> arms, int f) {
        Arm best = best(arms, f);
        if (best == null) {
            return List.of();
        }
        List<Comparison> family = new ArrayList<>();
        for (Arm arm : arms) {
            if (arm != best && !arm.at().get(f).isEmpty()) {
                family.add(Comparison.paired(arm.name(), best.name(), arm.at().get(f), best.at().get(f)));
            }
        }
        return Comparison.holm(family);
    }

    /** The combination with the highest mean metric at this fraction of the budget, skylines aside; null if none has one. */
    static Arm best(List<Arm> arms, int f) {
        return arms.stream().filter(a -> a.role() != Role.SKYLINE && !a.at().get(f).isEmpty())
                .max(Comparator.comparingDouble(a -> a.at(f).mean())).orElse(null);
    }

    /** The comparison of {@code arm} with the best at fraction {@code f}; null for the best itself. */
    Comparison againstBest(Arm arm, int f) {
        return vsBest.get(f).stream().filter(c -> c.a().equals(arm.name())).findFirst().orElse(null);
    }

    public String title() {
        return dataset + " · " + learner;
    }
}
