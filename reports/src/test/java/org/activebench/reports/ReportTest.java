package org.activebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.metrics.Metric;
import org.activebench.experiment.AtomicFiles;
import org.activebench.experiment.PoolReference;
import org.activebench.experiment.ResultsDirectory;
import org.activebench.experiment.ResultsDirectory.StoredTrial;
import org.activebench.experiment.TrialResult;
import org.activebench.experiment.TrialTimings;
import org.activebench.reports.stats.MeanInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregation on hand-made trials with known answers, and the files written from it. */
class ReportTest {
    @TempDir
    Path dir;

    /** Accuracy at 10, 20, 30 labels per strategy and seed (seeds 1, 2, 3); full-pool accuracy is 0.9 for every seed. */
    private static final Map<String, double[][]> CURVES = new LinkedHashMap<>();

    static {
        CURVES.put("random", new double[][] {{0.50, 0.70, 0.80}, {0.50, 0.60, 0.86}, {0.50, 0.65, 0.84}});
        CURVES.put("margin", new double[][] {{0.50, 0.86, 0.89}, {0.50, 0.80, 0.88}, {0.50, 0.87, 0.90}});
        CURVES.put("entropy", new double[][] {{0.50, 0.75, 0.87}, {0.50, 0.70, 0.86}, {0.50, 0.60, 0.81}});
    }

    private static ResultsDirectory results(Path root, String dataset, int seeds) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode().put("kernelBackend", "panama").put("configSource", "c.json");
        manifest.putArray("strategies").add("random").add("margin").add("entropy");
        manifest.putObject("config").put("name", "hand-made");
        List<StoredTrial> trials = new ArrayList<>();
        List<PoolReference> references = new ArrayList<>();
        CURVES.forEach((strategy, bySeed) -> {
            for (int s = 0; s < seeds; s++) {
                List<TrialResult.Round> rounds = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    rounds.add(new TrialResult.Round(r, 10 * (r + 1), Map.of("accuracy", bySeed[s][r]), new int[0]));
                }
                double[] acc = bySeed[s];
                double trapezoid = ((acc[0] + acc[1]) / 2 + (acc[1] + acc[2]) / 2) / 2;
                double lu2023 = (acc[1] + acc[2]) / 2 / 2; // trapz(acc[1:], [20, 30]) / (30 - 10)
                trials.add(new StoredTrial(new TrialResult(dataset, "logistic", null, null, strategy, s + 1, "f", 100, 50, 10, "budget",
                        Map.of("accuracy", new TrialResult.AubcValues(trapezoid, lu2023)),
                        Map.of("accuracy", acc[2]), rounds),
                        new TrialTimings(List.of(new TrialTimings.RoundTiming(0, 2, 0.5, 0), new TrialTimings.RoundTiming(1, 4, 0.5, 1 + s),
                                new TrialTimings.RoundTiming(2, 6, 2, 1 + s)), 20)));
            }
        });
        for (int s = 0; s < seeds; s++) {
            references.add(new PoolReference(dataset, "logistic", s + 1, "f", 100, Map.of("accuracy", 0.9)));
        }
        return new ResultsDirectory(root, manifest, trials, references);
    }

    /** The hand-made results twice: under logistic, and under a second learner whose curves are 0.05 lower. */
    private static ResultsDirectory twoLearners(Path root) {
        ResultsDirectory one = results(root, "toy", 3);
        List<StoredTrial> trials = new ArrayList<>(one.trials());
        for (StoredTrial t : one.trials()) {
            TrialResult r = t.result();
            List<TrialResult.Round> rounds = r.rounds().stream().map(x -> new TrialResult.Round(x.round(), x.labelled(),
                    Map.of("accuracy", x.metrics().get("accuracy") - 0.05), x.picked())).toList();
            TrialResult.AubcValues aubc = r.aubc().get("accuracy");
            trials.add(new StoredTrial(new TrialResult(r.dataset(), "knn", null, null, r.strategy(), r.seed(), "f", 100, 50, 10, "budget",
                    Map.of("accuracy", new TrialResult.AubcValues(aubc.trapezoid() - 0.05, aubc.lu2023() - 0.025)),
                    Map.of("accuracy", r.finalMetrics().get("accuracy") - 0.05), rounds), t.timings()));
        }
        List<PoolReference> references = new ArrayList<>(one.references());
        for (int s = 0; s < 3; s++) {
            references.add(new PoolReference("toy", "knn", s + 1, "f", 100, Map.of("accuracy", 0.85)));
        }
        return new ResultsDirectory(root, one.manifest(), trials, references);
    }

    @Test
    void theBaselineIsTheStrategyTheManifestSaysNotTheOneNamedRandom() {
        ResultsDirectory hand = results(dir, "toy", 3);
        ObjectNode manifest = hand.manifest().deepCopy();
        var strategies = manifest.putArray("strategies");
        strategies.addObject().put("label", "random").put("role", "strategy");
        strategies.addObject().put("label", "margin").put("role", "baseline");
        strategies.addObject().put("label", "entropy").put("role", "skyline");
        Analysis a = Analysis.of(new ResultsDirectory(dir, manifest, hand.trials(), hand.references()));
        DatasetAnalysis d = a.datasets().getFirst();
        assertEquals(List.of("random", "entropy"), d.vsRandom().stream().map(c -> c.a()).toList(),
                "every strategy is compared with the baseline the manifest names (margin)");
        assertEquals(Palette.RANDOM, Palette.colour(a, "margin"));
        assertFalse(a.ranking().strategies().contains("entropy"), "a skyline is not ranked");
        assertTrue(StrategyLabel.of(d.strategy("entropy")).endsWith("(skyline: reads true labels)"));
        assertEquals("random", StrategyLabel.of(d.strategy("random")), "named random, but an ordinary strategy here");
    }

    @Test
    void summaryMarkdownCarriesNamesLiterallyAndSaysWhatItLeftOut() {
        String hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `code` *em* a|b\n# h";
        ResultsDirectory hand = results(dir, hostile, 3);
        String md = MarkdownSummary.of(Analysis.of(new ResultsDirectory(dir, hand.manifest(), hand.trials(),
                hand.references(), 7)));
        assertTrue(md.contains("## \\<img src=x onerror=alert(1)> [x]\\(javascript:alert(1)) \\`code\\` \\*em\\* a\\|b"
                + " # h · logistic\n"), md);
        assertFalse(md.matches("(?s).*[^\\\\]<img.*"), "no raw HTML tag");
        assertTrue(md.contains("7 trials in this directory belong to none of the data sets, learners, strategies and seeds"
                + " of the config in manifest.json (an earlier, larger config) and are left out, as in results.csv."), md);
        assertFalse(MarkdownSummary.of(Analysis.of(hand)).contains("left out"));
    }

    @Test
    void markdownEscapingLeavesHarmlessTextAlone() {
        assertEquals("oracle_skyline qbc[committee=3] <0.0001 0.012 * Lu, Li & Lin", MarkdownText.paragraph(
                "oracle_skyline qbc[committee=3] <0.0001 0.012 * Lu, Li & Lin"));
        assertEquals("\\_a\\_ \\&amp; \\<b> x\\~\\~y - z", MarkdownText.inline("_a_ &amp; <b> x~~y - z"));
        assertEquals("\\- z \\# y \\> q", MarkdownText.paragraph("- z") + " " + MarkdownText.paragraph("# y") + " "
                + MarkdownText.paragraph("> q"));
        assertEquals("+0.0388 - z # y", MarkdownText.inline("+0.0388") + " " + MarkdownText.inline("- z") + " "
                + MarkdownText.inline("# y"), "no block starts inside a line or a table cell");
    }

    @Test
    void learnersAreComparedPerStrategy() throws IOException {
        Analysis a = Analysis.of(twoLearners(dir));
        assertEquals(2, a.datasets().size(), "one block per data set and learner");
        Table t = Table.learners(a, "toy");
        assertEquals(List.of("strategy", "logistic", "knn"), t.headers());
        // margin's trapezoid AUBC per seed: ((a0 + a1) / 2 + (a1 + a2) / 2) / 2
        double[] logistic = {(0.68 + 0.875) / 2, (0.65 + 0.84) / 2, (0.685 + 0.885) / 2};
        double[] knn = {logistic[0] - 0.05, logistic[1] - 0.05, logistic[2] - 0.05};
        List<Table.Cell> margin = t.rows().stream().filter(r -> r.getFirst().text().equals("margin")).findFirst().orElseThrow();
        assertEquals(Numbers.meanCi(MeanInterval.of95(logistic), 4), margin.get(1).text());
        assertEquals(Numbers.meanCi(MeanInterval.of95(knn), 4), margin.get(2).text());
        assertNull(Table.learners(Analysis.of(results(dir, "toy", 3)), "toy"), "one learner: nothing to compare");
        assertTrue(MarkdownSummary.of(a).contains("## toy: learners compared\n\n| strategy | logistic | knn |"));
    }

    @Test
    void curvesReachSavingsAndPairedTestsMatchHandComputedValues() {
        Analysis a = Analysis.of(results(dir, "toy", 3));
        DatasetAnalysis d = a.datasets().getFirst();
        StrategyStats margin = d.strategy("margin");

        Curve curve = margin.curves().get(Metric.ACCURACY);
        assertEquals(20, curve.labels()[1]);
        MeanInterval at20 = MeanInterval.of95(new double[] {0.86, 0.80, 0.87});
        assertEquals(at20.mean(), curve.mean()[1], 1e-12);
        assertEquals(at20.mean() - at20.halfWidth(), curve.lower()[1], 1e-12);
        assertEquals(3, curve.seeds()[1]);

        // 95% of 0.9 = 0.855: margin reaches it at 20, 30, 20 labels
        Reach marginReach = margin.reach().getFirst();
        assertEquals(0.95, marginReach.fraction());
        assertEquals(3, marginReach.reached());
        assertEquals(70.0 / 3, marginReach.labels().mean(), 1e-12);
        Reach randomReach = d.strategy("random").reach().getFirst();
        assertEquals(1, randomReach.reached(), "random's seeds end at 0.80, 0.86, 0.84: only seed 2 reaches 0.855");
        assertNull(marginReach.savingVsRandom(), "random did not reach it in every seed: no saving claimed");
        assertEquals("30 (1/3 seeds)", Numbers.reach(randomReach));
        assertEquals("not reached", Numbers.reach(d.strategy("entropy").reach().get(1)), "99% = 0.891 is never reached");

        Comparison vsRandom = d.againstRandom("margin");
        assertEquals(3, vsRandom.test().wins());
        assertEquals(0.25, vsRandom.test().p(), 1e-12, "3 wins of 3: exact two-sided p = 2/8");
        assertEquals(0.5, vsRandom.holmP(), 1e-12, "two comparisons with random");
        assertEquals(0.25, vsRandom.smallestAttainableP(), 1e-12);
        assertEquals(3, d.pairwise().size());

        assertEquals(4.0, margin.fitMs().mean(), 1e-12, "fit times 2, 4, 6 ms");
        assertEquals(2.0, margin.queryMs().mean(), 1e-12, "query rounds only: seeds 1, 2, 3 ms");
        assertEquals(1.0, margin.predictMs().mean(), 1e-12, "predict times 0.5, 0.5, 2 ms");

        String verdict = Verdict.of(a, d);
        assertTrue(verdict.startsWith("toy · logistic: margin has the highest AUBC (accuracy)"), verdict);
        assertTrue(verdict.contains("wins 3, ties 0, losses 0"), verdict);
        assertTrue(verdict.contains("cannot be with 3 differing pairs (the smallest attainable p is 0.2500)"), verdict);

        assertFalse(a.ranking().overDatasets());
        assertEquals(1.0, a.ranking().averageRank("margin"), 1e-12, "margin has the best AUBC in every seed");
    }

    @Test
    void severalDataSetsAreRankedAcrossDataSets() {
        ResultsDirectory one = results(dir, "toy", 3);
        ResultsDirectory two = results(dir, "other", 3);
        List<StoredTrial> both = new ArrayList<>(one.trials());
        both.addAll(two.trials());
        List<PoolReference> references = new ArrayList<>(one.references());
        references.addAll(two.references());
        Analysis a = Analysis.of(new ResultsDirectory(dir, one.manifest(), both, references));
        assertEquals(2, a.datasets().size());
        assertTrue(a.ranking().overDatasets());
        assertEquals("2 data sets", a.ranking().blocks());
        assertEquals(List.of("random", "margin", "entropy"), a.ranking().strategies());
    }

    @Test
    void oneSeedShowsUndefinedStatisticsAsSuchNeverAsNumbers() throws IOException {
        Path root = dir.resolve("one");
        write(results(root, "toy", 1));
        Report.Written written = Report.write(root, root.resolve("report"), List.of());
        String html = Files.readString(written.html());
        String markdown = Files.readString(written.markdown());
        for (String text : List.of(html.substring(0, html.indexOf("<script>")), markdown)) {
            int nan = text.indexOf("NaN");
            assertFalse(nan >= 0, () -> "an undefined statistic printed as NaN: " + text.substring(Math.max(0, nan - 200), nan + 20));
            assertFalse(text.contains("Infinity"));
        }
        assertTrue(markdown.contains("| margin | 1 | 0.7775 ± n/a |"), markdown);
        assertTrue(markdown.contains("+0.1025 vs random (one paired seed: no interval)"), markdown);
        assertTrue(markdown.contains("Friedman χ² = n/a, p = n/a") && markdown.contains("(Friedman needs at least two blocks.)"),
                markdown);
    }

    @Test
    void chartsDrawEveryStrategyInItsColourAndRandomDashedGrey() throws IOException {
        Path root = dir.resolve("three");
        write(results(root, "toy", 3));
        Report.Written written = Report.write(root, root.resolve("report"), List.of());
        BufferedImage curves = ImageIO.read(written.charts().resolve("d1-toy-logistic-curve-accuracy.png").toFile());
        Analysis a = Analysis.of(ResultsDirectory.read(root));
        for (String strategy : List.of("random", "margin", "entropy")) {
            Color colour = Palette.colour(a, strategy);
            assertTrue(pixels(curves, colour) > 100, strategy + " is missing from the learning curves");
        }
        assertEquals(Palette.RANDOM, Palette.colour(a, "random"));
        assertTrue(Files.readString(written.html()).contains("data:image/svg+xml;base64,"));
        assertTrue(Files.isRegularFile(written.charts().resolve("critical-difference.svg")));
    }

    @Test
    void aLongDataSetNameStillGivesChartFileNamesTheFileSystemTakes() throws IOException {
        Path root = dir.resolve("long");
        write(results(root, "n".repeat(200), 2));
        Report.Written written = Report.write(root, root.resolve("report"), List.of());
        assertTrue(Files.isRegularFile(written.charts().resolve("d1-" + "n".repeat(60) + "-logistic-curve-accuracy.png")));
    }

    @Test
    void jmhResultsBecomeAChartAndBadFilesAreNamed() throws IOException {
        Path root = dir.resolve("jmh");
        write(results(root, "toy", 2));
        Path jmh = Path.of("src/test/resources/jmh-sample.json").toAbsolutePath();
        Report.Written written = Report.write(root, root.resolve("report"), List.of(jmh));
        assertTrue(Files.isRegularFile(written.charts().resolve("jmh-1-ns_op.png")));
        assertTrue(Files.isRegularFile(written.charts().resolve("jmh-1-ms_op.svg")), "units get their own chart");
        String html = Files.readString(written.html());
        assertTrue(html.contains("Kernel benchmarks (JMH)"));
        assertTrue(html.contains(">730000.250</td><td data-key=\"\">n/a</td>"), "JMH gives no error after one iteration");

        Path bad = Files.writeString(dir.resolve("bad.json"), "[\n{\"benchmark\": \"x\",\n \"primaryMetric\": {]\n");
        ActiveBenchException e = assertThrows(ActiveBenchException.class,
                () -> Report.write(root, root.resolve("report"), List.of(bad)));
        assertTrue(e.getMessage().startsWith(bad + ":3: not JMH JSON"), e.getMessage());
    }

    /** Lays the hand-made results out as an experiment would, so that Report reads them from disk. */
    private static void write(ResultsDirectory r) throws IOException {
        ObjectMapper json = new ObjectMapper();
        AtomicFiles.write(r.root().resolve("manifest.json"), json.writeValueAsBytes(r.manifest()));
        for (StoredTrial t : r.trials()) {
            String path = t.result().dataset() + "/logistic/" + t.result().strategy() + "/seed-" + t.result().seed() + ".json";
            AtomicFiles.write(r.root().resolve("trials/" + path), json.writeValueAsBytes(t.result()));
            AtomicFiles.write(r.root().resolve("timings/" + path), json.writeValueAsBytes(t.timings()));
        }
        for (PoolReference p : r.references()) {
            AtomicFiles.write(r.root().resolve("reference/toy/logistic/seed-" + p.seed() + ".json"), json.writeValueAsBytes(p));
        }
    }

    private static int pixels(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - colour.getRed()) < 8 && Math.abs((rgb >> 8 & 0xFF) - colour.getGreen()) < 8
                        && Math.abs((rgb & 0xFF) - colour.getBlue()) < 8) {
                    n++;
                }
            }
        }
        return n;
    }
}
