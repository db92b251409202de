package org.activebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.metrics.Metric;
import org.activebench.experiment.ConfigReader;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Progress;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.experiment.Role;
import org.activebench.experiment.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics at equal cost and the AUBC over the cost axis, against values worked out by hand. */
class CostAnalysisTest {

    /** A trial whose rounds cost {@code costs} (cumulative) and reach {@code accuracy}; the expert labels all. */
    private static TrialResult trial(String routing, String strategy, long seed, double[] costs, double[] accuracy) {
        List<TrialResult.Round> rounds = new ArrayList<>();
        for (int r = 0; r < costs.length; r++) {
            TrialResult.Ledger ledger = new TrialResult.Ledger(costs[r], Map.of("expert", costs[r]),
                    Map.of("expert", 10 * (r + 1)), 0, r);
            rounds.add(new TrialResult.Round(r, 10 * (r + 1), Map.of("accuracy", accuracy[r]), new int[0], ledger));
        }
        return new TrialResult("d", "logistic", routing, null, strategy, seed, "f", 100, 50, 10, "budget", Map.of(),
                Map.of("accuracy", accuracy[accuracy.length - 1]), rounds);
    }

    @Test
    void theMetricAtACostIsThatOfTheLastModelPaidForWithinIt() {
        TrialResult t = trial("r", "s", 1, new double[] {10, 20, 30}, new double[] {0.5, 0.6, 0.7});
        assertTrue(Double.isNaN(CostCurve.at(t, Metric.ACCURACY, 9.99)), "no model before the initial set is paid for");
        assertEquals(0.5, CostCurve.at(t, Metric.ACCURACY, 10));
        assertEquals(0.6, CostCurve.at(t, Metric.ACCURACY, 29.9));
        assertEquals(0.7, CostCurve.at(t, Metric.ACCURACY, 30));
        assertEquals(0.7, CostCurve.at(t, Metric.ACCURACY, 1000), "the last model is held beyond its cost");
        TrialResult inexact = trial("r", "s", 1, new double[] {0.1, 0.1 + 0.2}, new double[] {0.5, 0.6});
        assertEquals(0.6, CostCurve.at(inexact, Metric.ACCURACY, 0.3), "0.1 + 0.2 counts as 0.3");
    }

    @Test
    void theAubcOverCostIntegratesTheStepFunctionFromZeroToTheBudget() {
        TrialResult t = trial("r", "s", 1, new double[] {10, 20, 30}, new double[] {0.5, 0.6, 0.7});
        assertEquals((0.5 * 10 + 0.6 * 10 + 0.7 * 10) / 40, CostCurve.aubc(t, Metric.ACCURACY, 40), 1e-15);
        assertEquals((0.5 * 10 + 0.6 * 5) / 25, CostCurve.aubc(t, Metric.ACCURACY, 25), 1e-15);
        assertEquals(0, CostCurve.aubc(t, Metric.ACCURACY, 5));
        TrialResult overshoot = trial("r", "s", 1, new double[] {10, 20, 45}, new double[] {0.5, 0.6, 0.9});
        assertEquals((0.5 * 10 + 0.6 * 20) / 40, CostCurve.aubc(overshoot, Metric.ACCURACY, 40), 1e-15,
                "a model bought beyond the budget does not count");
    }

    @Test
    void combinationsAreComparedAtSharesOfTheBudgetPairedBySeed() {
        List<StoredTrial> trials = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            // cheap: a model from cost 1, improving; dear: its first model costs 30 of the budget of 40
            trials.add(new StoredTrial(trial("cheap", "random", seed, new double[] {1, 11, 21, 31},
                    new double[] {0.6, 0.7, 0.75 + seed / 1000.0, 0.8}), null));
            trials.add(new StoredTrial(trial("dear", "margin", seed, new double[] {30, 40},
                    new double[] {0.7, 0.9 - seed / 1000.0}), null));
        }
        CostAnalysis c = CostAnalysis.of("d", "logistic", trials, s -> s.equals("random") ? Role.BASELINE : Role.STRATEGY,
                Metric.ACCURACY, 40.0);
        assertEquals(40, c.budget());
        CostAnalysis.Arm cheap = c.arms().get(0);
        CostAnalysis.Arm dear = c.arms().get(1);
        assertEquals("random · cheap", cheap.name());
        assertEquals(0.6, cheap.at(0).mean(), 1e-12, "at cost 10: the model bought at 1");
        assertEquals(0.7, cheap.at(1).mean(), 1e-12, "at cost 20: the model bought at 11");
        assertEquals(0.8, cheap.at(2).mean(), 1e-12);
        assertTrue(dear.at().get(0).isEmpty() && dear.at().get(1).isEmpty(), "no model before cost 30");
        assertEquals(0.9 - 3.5 / 1000, dear.at(2).mean(), 1e-12);
        assertEquals(dear, CostAnalysis.best(c.arms(), 2));
        assertEquals(cheap, CostAnalysis.best(c.arms(), 0));
        Comparison vs = c.againstBest(cheap, 2);
        assertEquals(0.8 - (0.9 - 3.5 / 1000), vs.difference().mean(), 1e-12);
        assertEquals(6, vs.test().losses());
        assertEquals(0.03125, vs.test().p(), 1e-12, "exact two-sided signed-rank p of 6 losses of 6: 2/2^6");
        assertNull(c.againstBest(dear, 2));
        assertTrue(c.vsBest().get(0).isEmpty(), "no comparison where the other combination has no model");
        assertEquals((0.6 * 10 + 0.7 * 10 + (0.75 + 0.0035) * 10 + 0.8 * 9) / 40, cheap.aubc().mean(), 1e-12);
        assertEquals((0.7 * 10) / 40, dear.aubc().mean(), 1e-12, "the model at 40 holds for no cost within the budget");
        assertEquals(3.0, cheap.errorRate().mean() * 40, 1e-12, "wrong 3 of 40 labels at the end");
        assertEquals(Map.of("expert", 31.0), Map.of("expert", cheap.costBy().get("expert").mean()));
    }

    @Test
    void aStudyWithRoutingsGetsItsEqualCostSectionChartsAndVerdict(@TempDir Path dir) throws IOException {
        String json = """
                {"name": "who", "datasets": [{"name": "iris"}], "learner": "logistic", "strategies": ["random", "margin"],
                 "seeds": [1, 2], "initial": {"size": 6}, "batch": 5, "budget": {"cost": 12}, "reference": false,
                 "annotators": [{"name": "truth", "label": "expert"},
                                {"name": "noisy", "params": {"rate": 0.3, "cost": 0.1}, "label": "crowd"}],
                 "routing": [{"name": "fixed", "annotators": [0]}, {"name": "fixed", "annotators": [1]}]}
                """;
        new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("out"), 1, Progress.NONE);
        Report.Written written = Report.write(dir.resolve("out"), dir.resolve("out/report"), List.of());
        String summary = written.summary();
        assertTrue(summary.contains("## iris · logistic · fixed(expert)") && summary.contains("## iris · logistic · fixed(crowd)"),
                "strategies compared by labels within each routing");
        assertTrue(summary.contains("## iris · logistic: at equal cost"), summary);
        assertTrue(summary.contains("iris · logistic at equal cost (budget 12): "), summary);
        assertTrue(summary.contains("| margin · fixed(crowd) |") && summary.contains("| random · fixed(expert) |"), summary);
        assertTrue(summary.contains("labels by crowd") && summary.contains("cost of expert"), summary);
        String html = Files.readString(written.html());
        assertTrue(html.contains("Who labelled, at what cost") && html.contains("accuracy at 25% (cost 3)"), "html");
        for (String chart : List.of("c1-iris-logistic-cost-curve-1-random", "c1-iris-logistic-cost-curve-2-margin",
                "c1-iris-logistic-cost-split")) {
            assertTrue(Files.size(written.charts().resolve(chart + ".svg")) > 1000, chart);
            assertTrue(html.contains("charts/" + chart + ".png"), chart);
        }
    }

    @Test
    void trialsWithoutALedgerHaveNoCostAnalysis() {
        TrialResult plain = new TrialResult("d", "logistic", null, null, "random", 1, "f", 100, 50, 10, "budget", Map.of(),
                Map.of("accuracy", 0.5), List.of(new TrialResult.Round(0, 10, Map.of("accuracy", 0.5), new int[0])));
        assertNull(CostAnalysis.of("d", "logistic", List.of(new StoredTrial(plain, null)), s -> Role.STRATEGY,
                Metric.ACCURACY, null));
    }
}
