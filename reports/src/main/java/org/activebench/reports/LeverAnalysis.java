package org.activebench.reports;

import java.util.ArrayList;
import java.util.List;
import org.activebench.core.metrics.Metric;
import org.activebench.reports.stats.MeanInterval;

/**
 * The training levers of one data set, learner and routing: every setting against the control (the setting
 * {@code none} where the study has it, else its first), per strategy, on the primary metric's AUBC paired by seed
 * (Wilcoxon signed-rank, Holm-corrected over every setting and strategy of the block), with the fit time it costs.
 *
 * @param control the control's block
 * @param rows    per non-control setting and strategy, in config order
 */
public record LeverAnalysis(DatasetAnalysis control, List<Row> rows) {

    /**
     * @param fitRatio the setting's mean fit time per round over the control's (NaN without timings)
     */
    public record Row(String strategy, String setting, Comparison comparison, double fitRatio) {
        /** helps, hurts, or no detectable effect, at α after Holm's correction. */
        public String verdict() {
            if (!comparison.significant(Ranking.ALPHA)) {
                return "no detectable effect";
            }
            return comparison.difference().mean() > 0 ? "helps" : "hurts";
        }
    }

    static LeverAnalysis of(List<DatasetAnalysis> blocks, Metric primary) {
        DatasetAnalysis control = blocks.stream().filter(b -> b.levers().equals("none")).findFirst().orElse(blocks.getFirst());
        List<Row> rows = new ArrayList<>();
        List<Comparison> family = new ArrayList<>();
        for (DatasetAnalysis block : blocks) {
            if (block == control) {
                continue;
            }
            for (StrategyStats s : block.strategies()) {
                StrategyStats base = control.strategy(s.strategy());
                if (base == null) {
                    continue;
                }
                family.add(Comparison.paired(s.strategy() + " · " + block.levers(), s.strategy() + " · " + control.levers(),
                        s.aubcBySeed(), base.aubcBySeed()));
                rows.add(new Row(s.strategy(), block.levers(), null, ratio(s.fitMs(), base.fitMs())));
            }
        }
        List<Comparison> adjusted = Comparison.holm(family);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(r.strategy(), r.setting(), adjusted.get(i), r.fitRatio()));
        }
        return new LeverAnalysis(control, List.copyOf(out));
    }

    private static double ratio(MeanInterval a, MeanInterval b) {
        return a == null || b == null ? Double.NaN : a.mean() / b.mean();
    }

    public String title() {
        return control.dataset() + " · " + control.learner() + (control.routing() == null ? "" : " · " + control.routing());
    }
}
