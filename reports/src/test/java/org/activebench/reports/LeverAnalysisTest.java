package org.activebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.metrics.Metric;
import org.activebench.experiment.ConfigReader;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Progress;
import org.activebench.experiment.ResultsDirectory;
import org.activebench.experiment.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A levers axis: every setting against the control, paired by seed, in the analysis and the report. */
class LeverAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void everySettingIsComparedWithTheControlPerStrategy() throws Exception {
        String json = """
                {"name": "levers", "datasets": [{"name": "iris"}], "learner": "logistic", "strategies": ["random", "margin"],
                 "seeds": [1, 2, 3, 4, 5, 6], "initial": {"size": 6}, "batch": 5, "budget": {"rounds": 3}, "reference": false,
                 "levers": [{}, {"weighting": "class_balanced"}, {"augment": {"name": "noise", "params": {"copies": 2}}}]}
                """;
        List<TrialResult> results = new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels())
                .run(dir.resolve("out"), 2, Progress.NONE).results();
        assertEquals(36, results.size(), "3 settings x 2 strategies x 6 seeds");
        assertEquals(List.of("none", "class_balanced", "noise[copies=2]"),
                results.stream().map(TrialResult::levers).distinct().toList());
        assertTrue(Files.exists(dir.resolve("out/trials/iris/logistic/noise[copies=2]/margin/seed-3.json")));
        assertEquals("dataset,learner,levers,strategy,seed,round,labelled,metric,value",
                Files.readAllLines(dir.resolve("out/results.csv")).getFirst());

        Analysis analysis = Analysis.of(ResultsDirectory.read(dir.resolve("out")));
        LeverAnalysis levers = analysis.levers().getFirst();
        assertEquals("none", levers.control().levers());
        assertEquals(4, levers.rows().size(), "2 settings x 2 strategies");
        LeverAnalysis.Row noisyMargin = levers.rows().stream()
                .filter(r -> r.setting().equals("noise[copies=2]") && r.strategy().equals("margin")).findFirst().orElseThrow();
        double expected = 0;
        for (long seed = 1; seed <= 6; seed++) { // the mean paired difference, from the trial files
            expected += aubc(results, "noise[copies=2]", seed) - aubc(results, "none", seed);
        }
        assertEquals(expected / 6, noisyMargin.comparison().difference().mean(), 1e-12);
        assertEquals(6, noisyMargin.comparison().test().wins() + noisyMargin.comparison().test().ties()
                + noisyMargin.comparison().test().losses());
        String summary = Report.write(dir.resolve("out"), dir.resolve("out/report"), List.of()).summary();
        assertTrue(summary.contains("## iris · logistic: training levers"), summary);
        assertTrue(summary.contains("| margin | noise[copies=2] |"), summary);
        assertTrue(summary.contains("## iris · logistic · class_balanced"), "a block per setting");
    }

    private static double aubc(List<TrialResult> results, String levers, long seed) {
        return results.stream().filter(r -> r.levers().equals(levers) && r.strategy().equals("margin") && r.seed() == seed)
                .findFirst().orElseThrow().aubc(Metric.ACCURACY).trapezoid();
    }
}
