package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.activebench.experiment.AtomicFiles;
import org.activebench.experiment.ResultsDirectory;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes the report of a results directory: {@code report.html} (self-contained), {@code summary.md}, and every
 * chart as PNG and SVG under {@code charts/}. Every file is written atomically; the HTML last.
 */
public final class Report {
    /** What was written, and the markdown summary for the terminal. */
    public record Written(Path html, Path markdown, Path charts, String summary) {
    }

    private Report() {
    }

    /**
     * @param out      the report directory (usually RESULTS_DIR/report)
     * @param jmhFiles JMH JSON files to chart in a performance section; may be empty
     */
    public static Written write(Path resultsDir, Path out, List<Path> jmhFiles) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are only encoded, never shown
        }
        ResultsDirectory results = ResultsDirectory.read(resultsDir);
        List<JmhResults> jmh = jmhFiles.stream().map(JmhResults::read).toList();
        Analysis analysis = Analysis.of(results);
        Path chartDir = out.resolve("charts");
        List<PendingChart> pending = new ArrayList<>();
        for (int i = 0; i < analysis.datasets().size(); i++) {
            DatasetAnalysis d = analysis.datasets().get(i);
            String prefix = "d" + (i + 1) + "-" + fileName(d.dataset()) + "-" + fileName(d.learner());
            for (Metric metric : analysis.metrics()) {
                pending.add(new PendingChart(d.title(), () -> Charts.learningCurves(analysis, d, metric),
                        prefix + "-curve-" + fileName(metric.key()), "Learning curves of " + metric.key() + " on " + d.title()
                        + ": mean over seeds with 95% band; random dashed"));
            }
            pending.add(new PendingChart(d.title(), () -> Charts.aubcBoxes(analysis, d), prefix + "-aubc-box",
                    "AUBC of " + analysis.primaryMetric().key() + " per seed on " + d.title() + ", one box per strategy"));
            if (d.strategies().stream().anyMatch(s -> d.againstRandom(s.strategy()) != null)) {
                pending.add(new PendingChart(d.title(), () -> Charts.gainOverRandom(analysis, d), prefix + "-gain",
                        "AUBC gain over random per strategy on " + d.title() + ", mean of the paired differences with 95% intervals"));
            }
            if (d.strategies().stream().allMatch(s -> s.fitMs() != null)) {
                pending.add(new PendingChart(d.title(), () -> Charts.costs(d), prefix + "-time",
                        "Mean fit, predict and query time per round on " + d.title() + ", with 95% intervals over seeds"));
            }
        }
        for (int i = 0; i < analysis.costs().size(); i++) {
            CostAnalysis c = analysis.costs().get(i);
            String prefix = "c" + (i + 1) + "-" + fileName(c.dataset()) + "-" + fileName(c.learner());
            List<String> strategies = c.arms().stream().map(CostAnalysis.Arm::strategy).distinct().toList();
            for (int s = 0; s < strategies.size(); s++) {
                String strategy = strategies.get(s);
                pending.add(new PendingChart("cost " + c.title(), () -> Charts.costCurves(c, strategy, analysis.primaryMetric()),
                        prefix + "-cost-curve-" + (s + 1) + "-" + fileName(strategy), analysis.primaryMetric().key()
                        + " vs labelling cost of " + strategy + " on " + c.title() + ", one line per routing, mean over seeds"));
            }
            pending.add(new PendingChart("cost " + c.title(), () -> Charts.costByAnnotator(c), prefix + "-cost-split",
                    "Labelling cost by annotator per routing on " + c.title() + ", mean over strategies and seeds"));
        }
        if (analysis.ranking().strategies().size() >= 2) {
            pending.add(new PendingChart("ranking", () -> Charts.criticalDifference(analysis), "critical-difference",
                    "Critical-difference diagram: average rank of AUBC over " + analysis.ranking().blocks()));
        }
        for (int i = 0; i < jmh.size(); i++) {
            JmhResults file = jmh.get(i);
            String prefix = "jmh-" + (i + 1) + "-";
            file.charts().forEach((unit, chart) -> pending.add(new PendingChart("jmh", () -> chart,
                    prefix + fileName(unit), "JMH scores in " + unit + " from " + file.file().getFileName())));
        }
        // each chart is drawn and encoded on its own, so they render in parallel; the files do not depend on it
        List<ChartFile> rendered = pending.parallelStream()
                .map(c -> ChartFile.write(c.chart().get(), chartDir, c.name(), c.alt())).toList();
        Map<String, List<ChartFile>> charts = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            charts.computeIfAbsent(pending.get(i).section(), k -> new ArrayList<>()).add(rendered.get(i));
        }

        String summary = MarkdownSummary.of(analysis);
        Path markdown = out.resolve("summary.md");
        AtomicFiles.write(markdown, summary.getBytes(StandardCharsets.UTF_8));
        Path html = out.resolve("report.html");
        AtomicFiles.write(html, HtmlReport.render(analysis, charts, jmh, rerunCommand(results))
                .getBytes(StandardCharsets.UTF_8));
        return new Written(html, markdown, chartDir, summary);
    }

    /** A chart still to draw, and the report section it belongs to. */
    private record PendingChart(String section, Supplier<Chart<?, ?>> chart, String name, String alt) {
    }

    /** The commands that reproduce these results and this report. */
    static String rerunCommand(ResultsDirectory results) {
        String source = results.manifest().path("configSource").asText("CONFIG");
        String dir = results.root().toString();
        String run = source.equals("demo config") ? "./activebench demo --out " + dir : "./activebench run " + source + " --out " + dir;
        return run + " && ./activebench report " + dir;
    }

    /** A name as part of a chart's file name: safe characters, cut to 60 so that the whole stays under NAME_MAX. */
    private static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() <= 60 ? safe : safe.substring(0, 60); // the d<i>- prefix keeps names distinct
    }
}
