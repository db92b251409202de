package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.activebench.reports.stats.MeanInterval;
import org.activebench.experiment.Role;

/** The report's answer in one sentence per data set: which strategy wins, by how much, and is it significant. */
final class Verdict {
    private Verdict() {
    }

    static String of(Analysis a, DatasetAnalysis d) {
        Metric metric = a.primaryMetric();
        StrategyStats best = d.strategies().stream().filter(s -> s.role() != Role.SKYLINE)
                .max(Comparator.comparingDouble(s -> s.aubcTrapezoid().get(metric).mean())).orElse(null);
        if (best == null) {
            return d.title() + ": only a skyline was run; there is no real strategy to judge.";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %s has the highest AUBC (%s), %s",
                d.title(), best.strategy(), metric.key(), Numbers.meanCi(best.aubcTrapezoid().get(metric), 4)));
        Comparison c = d.againstRandom(best.strategy());
        if (best.role() == Role.BASELINE) {
            return out.append(": no strategy beats the random baseline on average.").toString();
        }
        if (c == null) {
            return out.append(" (no random baseline was run, so no gain over it can be stated).").toString();
        }
        MeanInterval diff = c.difference();
        String interval = diff.defined() ? String.format(Locale.ROOT, "95%% CI %s to %s over %d paired seeds",
                Numbers.signed(diff.mean() - diff.halfWidth(), 4), Numbers.signed(diff.mean() + diff.halfWidth(), 4), diff.n())
                : "one paired seed: no interval";
        out.append(String.format(Locale.ROOT, "; %s vs random (%s), wins %d, ties %d, losses %d; Wilcoxon signed-rank "
                        + "p = %s, Holm-adjusted %s: ", Numbers.signed(diff.mean(), 4), interval,
                c.test().wins(), c.test().ties(), c.test().losses(), Numbers.p(c.test().p()), Numbers.p(c.holmP())));
        if (c.significant(Ranking.ALPHA)) {
            out.append("significant at α = 0.05.");
        } else if (c.smallestAttainableP() > Ranking.ALPHA) {
            out.append(String.format(Locale.ROOT, "not significant at α = 0.05, and it cannot be with %d differing "
                    + "pairs (the smallest attainable p is %s); run more seeds.", c.test().pairs(),
                    Numbers.p(c.smallestAttainableP())));
        } else {
            out.append("not significant at α = 0.05.");
        }
        return out.toString();
    }

    /** The best strategy x routing at the whole cost budget, and which others it beats significantly. */
    static String ofCost(Analysis a, CostAnalysis c) {
        int last = CostAnalysis.FRACTIONS.length - 1;
        CostAnalysis.Arm best = CostAnalysis.best(c.arms(), last);
        if (best == null) {
            return c.title() + ": no combination had a model within the cost budget.";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s at equal cost (budget %s): %s has the highest"
                        + " %s at the whole budget, %s, and %s over the cost axis",
                c.title(), Numbers.plain(c.budget()), best.name(), a.primaryMetric().key(), Numbers.meanCi(best.at(last), 4),
                "AUBC " + Numbers.meanCi(best.aubc(), 4)));
        List<Comparison> others = c.vsBest().get(last);
        List<String> tied = others.stream().filter(x -> !x.significant(Ranking.ALPHA)).map(Comparison::a).toList();
        if (others.isEmpty()) {
            return out.append('.').toString();
        }
        out.append(String.format(Locale.ROOT, "; it is significantly better than %d of the %d other combinations "
                + "(paired Wilcoxon, Holm-corrected, α = 0.05)", others.size() - tied.size(), others.size()));
        if (!tied.isEmpty()) {
            out.append(tied.size() <= 3 ? ", not than " + String.join(", ", tied) : ", not than " + tied.size() + " of them");
        }
        return out.append('.').toString();
    }

    static String ranking(Analysis a) {
        Ranking r = a.ranking();
        if (r.strategies().size() < 2) {
            return "Ranking: fewer than two strategies ran everywhere; nothing to rank.";
        }
        StringBuilder out = new StringBuilder("Average ranks over " + r.blocks() + " (1 = best): ");
        r.strategies().stream().sorted(Comparator.comparingDouble(r::averageRank))
                .forEach(s -> out.append(s).append(' ').append(Numbers.fixed(r.averageRank(s), 2)).append(", "));
        out.setLength(out.length() - 2);
        out.append(String.format(Locale.ROOT, ". Friedman χ² = %s, p = %s; Nemenyi CD = %s.",
                Numbers.fixed(r.friedman().chiSquare(), 3), Numbers.p(r.friedman().p()),
                Numbers.fixed(r.criticalDifference(), 3)));
        if (Double.isNaN(r.friedman().p())) {
            out.append(" (Friedman needs at least two blocks.)");
        }
        return out.toString();
    }
}
