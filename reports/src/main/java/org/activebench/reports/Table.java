package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * A table the report shows in HTML (sortable) and in markdown: text cells with the numbers they sort by.
 *
 * @param notes what the columns mean, printed under the table
 */
record Table(List<String> headers, List<List<Cell>> rows, String notes) {

    /** @param sortKey NaN sorts last; text columns sort by their text */
    record Cell(String text, double sortKey) {
        static Cell text(String text) {
            return new Cell(text, Double.NaN);
        }
    }

    /** Per strategy on one data set: the summary table, in full or in the compact form for terminals. */
    static Table strategies(Analysis a, DatasetAnalysis d, boolean full) {
        Metric m = a.primaryMetric();
        List<String> headers = new ArrayList<>(List.of("strategy", "seeds", "AUBC " + m.key() + (full ? " (trapezoid)" : "")));
        if (full) {
            headers.add("AUBC " + m.key() + " (lu2023)");
        }
        headers.addAll(List.of("Δ vs random", "p vs random (Holm)", "W/T/L", "final " + m.key()));
        for (int i = 0; i < Analysis.REACH_FRACTIONS.length; i++) {
            if (full || i == 0) {
                String f = Numbers.percent(Analysis.REACH_FRACTIONS[i]);
                headers.add("labels to " + f + " of full pool");
                headers.add("saving (" + f + ")");
            }
        }
        headers.addAll(List.of("query ms/round", "fit ms/round", "predict ms/round"));
        List<List<Cell>> rows = new ArrayList<>();
        for (StrategyStats s : d.strategies()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(StrategyLabel.of(s)));
            row.add(new Cell(Integer.toString(s.seeds()), s.seeds()));
            row.add(new Cell(Numbers.meanCi(s.aubcTrapezoid().get(m), 4), s.aubcTrapezoid().get(m).mean()));
            if (full) {
                row.add(new Cell(Numbers.meanCi(s.aubcLu2023().get(m), 4), s.aubcLu2023().get(m).mean()));
            }
            Comparison c = d.againstRandom(s.strategy());
            row.add(c == null ? Cell.text("") : new Cell(Numbers.signed(c.difference().mean(), 4), c.difference().mean()));
            row.add(c == null ? Cell.text("") : new Cell(Numbers.p(c.holmP()) + (c.significant(Ranking.ALPHA) ? " *" : ""),
                    c.holmP()));
            row.add(c == null ? Cell.text("") : new Cell(c.test().wins() + "/" + c.test().ties() + "/" + c.test().losses(),
                    c.test().wins() - c.test().losses()));
            row.add(new Cell(Numbers.meanCi(s.finalMetrics().get(m), 4), s.finalMetrics().get(m).mean()));
            for (int i = 0; i < s.reach().size(); i++) {
                if (full || i == 0) {
                    Reach r = s.reach().get(i);
                    row.add(new Cell(Numbers.reach(r), r.reachedEverywhere() ? r.labels().mean() : Double.NaN));
                    row.add(new Cell(Numbers.saving(r), r.savingVsRandom() == null ? Double.NaN : r.savingVsRandom()));
                }
            }
            row.add(s.queryMs() == null ? Cell.text(Numbers.NA) : new Cell(Numbers.fixed(s.queryMs().mean(), 2), s.queryMs().mean()));
            row.add(s.fitMs() == null ? Cell.text(Numbers.NA) : new Cell(Numbers.fixed(s.fitMs().mean(), 2), s.fitMs().mean()));
            row.add(s.predictMs() == null ? Cell.text(Numbers.NA)
                    : new Cell(Numbers.fixed(s.predictMs().mean(), 2), s.predictMs().mean()));
            rows.add(row);
        }
        return new Table(headers, rows, "AUBC: normalised area under the " + m.key() + " curve vs labels (trapezoid, initial model "
                + "included; lu2023: Lu, Li & Lin 2023, queries only, divided by the labels queried), mean ± 95% Student-t "
                + "interval over seeds (n/a with one seed). Δ and p: paired by seed against random, Wilcoxon signed-rank, "
                + "two-sided, Holm-corrected over the strategies compared with random (* = below 0.05); W/T/L: seeds won, "
                + "tied, lost. Labels to X% of full pool: labels at which test accuracy first reaches X% of the accuracy of "
                + "the learner fitted on the whole pool (same seed); saving: 1 - labels / random's labels. Times: wall-clock "
                + "means per round; predict: the model's predictions on the test set and the pool; query: the strategy's own "
                + "work (a committee's fits and predictions included).");
    }

    /** Every pair of strategies on one data set. */
    static Table pairwise(Analysis a, DatasetAnalysis d) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Comparison c : d.pairwise()) {
            rows.add(List.of(Cell.text(c.a()), Cell.text(c.b()),
                    new Cell(Numbers.signed(c.difference().mean(), 4), c.difference().mean()),
                    new Cell(Numbers.signed(c.difference().mean() - c.difference().halfWidth(), 4) + " to "
                            + Numbers.signed(c.difference().mean() + c.difference().halfWidth(), 4), c.difference().mean()),
                    new Cell(Numbers.p(c.test().p()), c.test().p()),
                    new Cell(Numbers.p(c.holmP()) + (c.significant(Ranking.ALPHA) ? " *" : ""), c.holmP()),
                    new Cell(Numbers.signed(c.test().effect(), 2), c.test().effect()),
                    new Cell(c.test().wins() + "/" + c.test().ties() + "/" + c.test().losses(), c.test().wins() - c.test().losses())));
        }
        return new Table(List.of("a", "b", "Δ AUBC (a - b)", "95% CI of Δ", "p", "p (Holm, all pairs)",
                "effect (rank-biserial)", "W/T/L"), rows, "AUBC of " + a.primaryMetric().key() + ", paired by seed; "
                + "Wilcoxon signed-rank (exact with ties up to 200 pairs), Holm-corrected over all pairs; effect: matched-"
                + "pairs rank-biserial correlation in [-1, 1], positive when a is better.");
    }

    /** AUBC of every metric (every definition), for readers who report another metric than the primary one. */
    static Table metrics(Analysis a, DatasetAnalysis d) {
        List<String> headers = new ArrayList<>(List.of("strategy"));
        for (Metric m : a.metrics()) {
            headers.add("AUBC " + m.key() + " (trapezoid)");
            headers.add("AUBC " + m.key() + " (lu2023)");
            headers.add("final " + m.key());
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (StrategyStats s : d.strategies()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(StrategyLabel.of(s))));
            for (Metric m : a.metrics()) {
                row.add(new Cell(Numbers.meanCi(s.aubcTrapezoid().get(m), 4), s.aubcTrapezoid().get(m).mean()));
                row.add(new Cell(Numbers.meanCi(s.aubcLu2023().get(m), 4), s.aubcLu2023().get(m).mean()));
                row.add(new Cell(Numbers.meanCi(s.finalMetrics().get(m), 4), s.finalMetrics().get(m).mean()));
            }
            rows.add(row);
        }
        return new Table(headers, rows, "Mean ± 95% Student-t interval over seeds.");
    }

    /**
     * One data set's strategies (rows) under each of its learners (columns; one per routing where there are several):
     * AUBC of the primary metric, so that a strategy's gain can be read against the learner's. Null when the data set
     * has a single learner.
     */
    static Table learners(Analysis a, String dataset) {
        List<DatasetAnalysis> blocks = a.datasets().stream().filter(d -> d.dataset().equals(dataset)).toList();
        if (blocks.stream().map(DatasetAnalysis::learner).distinct().count() < 2) {
            return null;
        }
        Metric m = a.primaryMetric();
        List<String> headers = new ArrayList<>(List.of("strategy"));
        blocks.forEach(d -> headers.add(d.learner() + (d.routing() == null ? "" : " · " + d.routing())
                + (d.levers() == null ? "" : " · " + d.levers())));
        List<List<Cell>> rows = new ArrayList<>();
        for (String strategy : a.strategies()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(StrategyLabel.of(strategy, a.source().role(strategy)))));
            for (DatasetAnalysis d : blocks) {
                StrategyStats s = d.strategies().stream().filter(x -> x.strategy().equals(strategy)).findFirst().orElse(null);
                row.add(s == null ? new Cell("-", Double.NaN)
                        : new Cell(Numbers.meanCi(s.aubcTrapezoid().get(m), 4), s.aubcTrapezoid().get(m).mean()));
            }
            rows.add(row);
        }
        return new Table(headers, rows, "AUBC (trapezoid) of " + m.key() + " per learner: mean ± 95% Student-t interval over seeds.");
    }

    /**
     * Every strategy x routing at equal cost, best first (by the metric at the whole budget): the metric at each
     * fraction of the budget, each with the paired test against the best there, and the AUBC over the cost axis.
     */
    static Table equalCost(Analysis a, CostAnalysis c) {
        String m = a.primaryMetric().key();
        List<String> headers = new ArrayList<>(List.of("strategy · routing", "seeds"));
        for (double f : CostAnalysis.FRACTIONS) {
            String at = m + " at " + Numbers.percent(f) + " (cost " + Numbers.plain(f * c.budget()) + ")";
            headers.add(at);
            headers.add("Δ vs best at " + Numbers.percent(f));
            headers.add("p vs best at " + Numbers.percent(f) + " (Holm)");
        }
        headers.add("AUBC over cost");
        int last = CostAnalysis.FRACTIONS.length - 1;
        List<CostAnalysis.Arm> arms = new ArrayList<>(c.arms());
        arms.sort(java.util.Comparator.comparingDouble((CostAnalysis.Arm arm) -> arm.at().get(last).isEmpty()
                ? Double.NEGATIVE_INFINITY : arm.at(last).mean()).reversed());
        List<List<Cell>> rows = new ArrayList<>();
        for (CostAnalysis.Arm arm : arms) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(arm.name()), new Cell(Integer.toString(arm.trials().size()),
                    arm.trials().size())));
            for (int f = 0; f < CostAnalysis.FRACTIONS.length; f++) {
                int had = arm.at().get(f).size();
                row.add(had == 0 ? Cell.text(Numbers.NA + " (no model yet)") : new Cell(Numbers.meanCi(arm.at(f), 4)
                        + (had < arm.trials().size() ? " (" + had + " seeds)" : ""), arm.at(f).mean()));
                Comparison vs = c.againstBest(arm, f);
                boolean best = had > 0 && vs == null;
                row.add(best ? Cell.text("best") : vs == null ? Cell.text(Numbers.NA) : new Cell(Numbers.signed(
                        vs.difference().mean(), 4) + " (" + Numbers.signed(vs.difference().mean() - vs.difference().halfWidth(), 4)
                        + " to " + Numbers.signed(vs.difference().mean() + vs.difference().halfWidth(), 4) + ")",
                        vs.difference().mean()));
                row.add(best || vs == null ? Cell.text("") : new Cell(Numbers.p(vs.holmP())
                        + (vs.significant(Ranking.ALPHA) ? " *" : ""), vs.holmP()));
            }
            row.add(new Cell(Numbers.meanCi(arm.aubc(), 4), arm.aubc().mean()));
            rows.add(row);
        }
        return new Table(headers, rows, m + " at a share of the cost budget B = " + Numbers.plain(c.budget())
                + ": the test " + m + " of the last model whose labels (the initial set's included) cost at most that, "
                + "mean ± 95% Student-t interval over seeds (n/a before any model). Δ and p: paired by seed against the best "
                + "combination at that cost (seeds where both had a model), Wilcoxon signed-rank, two-sided, Holm-corrected "
                + "over the combinations (* = worse than the best, below 0.05). AUBC over cost: (1/B) ∫₀ᴮ " + m + "(c) dc "
                + "of that step function, 0 before the first model.");
    }

    /** Every setting of the training levers against the control, per strategy. */
    static Table levers(Analysis a, LeverAnalysis l) {
        String m = a.primaryMetric().key();
        List<List<Cell>> rows = new ArrayList<>();
        for (LeverAnalysis.Row r : l.rows()) {
            Comparison c = r.comparison();
            rows.add(List.of(Cell.text(StrategyLabel.of(r.strategy(), a.source().role(r.strategy()))), Cell.text(r.setting()),
                    new Cell(Numbers.signed(c.difference().mean(), 4), c.difference().mean()),
                    new Cell(Numbers.signed(c.difference().mean() - c.difference().halfWidth(), 4) + " to "
                            + Numbers.signed(c.difference().mean() + c.difference().halfWidth(), 4), c.difference().mean()),
                    new Cell(Numbers.p(c.holmP()) + (c.significant(Ranking.ALPHA) ? " *" : ""), c.holmP()),
                    new Cell(c.test().wins() + "/" + c.test().ties() + "/" + c.test().losses(), c.test().wins() - c.test().losses()),
                    Cell.text(r.verdict()), new Cell(Numbers.fixed(r.fitRatio(), 2) + "x", r.fitRatio())));
        }
        return new Table(List.of("strategy", "levers", "Δ AUBC vs " + l.control().levers(), "95% CI of Δ",
                "p (Holm)", "W/T/L", "verdict", "fit time vs " + l.control().levers()), rows, "AUBC (trapezoid) of " + m
                + " with the setting minus without it (the control, " + l.control().levers() + "), paired by seed;"
                + " Wilcoxon signed-rank, two-sided, Holm-corrected over every setting and strategy here (* = below 0.05):"
                + " helps or hurts where significant, else no detectable effect. Fit time: mean fit milliseconds per round"
                + " with the setting (its weights and extra rows included) over the control's, same strategy, as measured"
                + " in this run: trials that ran first also paid the JIT's warm-up, so take costs from benchmarks/.");
    }

    /** Who labelled and at what cost, per strategy x routing, at the end of the trials. */
    static Table ledger(CostAnalysis c) {
        List<String> annotators = c.arms().stream().flatMap(arm -> arm.labelsBy().keySet().stream()).distinct().sorted().toList();
        List<String> headers = new ArrayList<>(List.of("strategy · routing", "labelled", "cost spent"));
        annotators.forEach(name -> headers.add("labels by " + name));
        annotators.forEach(name -> headers.add("cost of " + name));
        headers.addAll(List.of("label error rate", "abstained"));
        List<List<Cell>> rows = new ArrayList<>();
        for (CostAnalysis.Arm arm : c.arms()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(arm.name()), mean(arm.labelled(), 1), mean(arm.spent(), 2)));
            annotators.forEach(name -> row.add(arm.labelsBy().containsKey(name) ? mean(arm.labelsBy().get(name), 1) : Cell.text("-")));
            annotators.forEach(name -> row.add(arm.costBy().containsKey(name) ? mean(arm.costBy().get(name), 2) : Cell.text("-")));
            row.add(new Cell(Numbers.meanCi(arm.errorRate(), 4), arm.errorRate().mean()));
            row.add(mean(arm.abstained(), 1));
            rows.add(row);
        }
        return new Table(headers, rows, "At the end of each trial, mean over seeds: labels in the labelled set, the cost "
                + "spent (every answer paid for, the initial set's included; the last batch may overshoot the budget), labels "
                + "and cost by annotator, the share of the labelled set whose label differs from the truth (the learner "
                + "trains on these labels; test metrics are against the truth), and rows no annotator labelled.");
    }

    private static Cell mean(org.activebench.reports.stats.MeanInterval m, int digits) {
        return new Cell(Numbers.fixed(m.mean(), digits), m.mean());
    }

    /** The results of one JMH file, as JMH reports them. */
    static Table jmh(JmhResults results) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JmhResults.Entry e : results.entries()) {
            rows.add(List.of(Cell.text(e.benchmark()), Cell.text(e.params()), Cell.text(e.mode()),
                    new Cell(Numbers.fixed(e.score(), 3), e.score()), new Cell(Numbers.fixed(e.error(), 3), e.error()),
                    Cell.text(e.unit())));
        }
        return new Table(List.of("benchmark", "parameters", "mode", "score", "± error (99.9%)", "unit"), rows,
                results.file() + ": JMH's score and its 99.9% confidence half-width (n/a after a single iteration).");
    }

    /** Average ranks across blocks. */
    static Table ranking(Analysis a) {
        Ranking r = a.ranking();
        List<List<Cell>> rows = new ArrayList<>();
        for (String s : r.strategies()) {
            rows.add(List.of(Cell.text(s), new Cell(Numbers.fixed(r.averageRank(s), 3), r.averageRank(s))));
        }
        return new Table(List.of("strategy", "average rank"), rows, Verdict.ranking(a));
    }

    /** Whether a column sorts by number: some cell of it has a numeric key. */
    boolean numeric(int column) {
        return rows.stream().anyMatch(row -> !Double.isNaN(row.get(column).sortKey()));
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headers.stream().map(MarkdownText::inline).toList()))
                .append(" |\n|");
        for (int c = 0; c < headers.size(); c++) {
            out.append(c == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<Cell> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(cell -> MarkdownText.inline(cell.text())).toList()))
                    .append(" |\n");
        }
        return out.toString();
    }
}
