package org.activebench.reports;

import org.activebench.core.metrics.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.activebench.reports.stats.MeanInterval;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds the report's charts (XChart) from an {@link Analysis}; {@link ChartFile} encodes them. */
final class Charts {
    static final int WIDTH = 860;
    static final int HEIGHT = 460;

    private Charts() {
    }

    /** Mean curve per strategy with its 95% band; the full-pool accuracy as a dotted line when known. */
    static XYChart learningCurves(Analysis a, DatasetAnalysis d, Metric metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(d.title() + ": " + metric.key() + " vs labels (" + (d.seeds().size() > 1
                        ? "mean, 95% band over " + d.seeds().size() + " seeds)" : "one seed: no band)"))
                .xAxisTitle("labelled samples").yAxisTitle(metric.key()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        // Every band before any line: a band drawn later would tint the lines under it.
        for (StrategyStats s : d.strategies()) {
            Curve c = s.curves().get(metric);
            if (c.hasBand()) {
                int n = c.labels().length;
                double[] x = new double[2 * n];
                double[] y = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    x[i] = c.labels()[i];
                    y[i] = c.upper()[i];
                    x[2 * n - 1 - i] = c.labels()[i];
                    y[2 * n - 1 - i] = c.lower()[i];
                }
                Color colour = Palette.colour(a, s.strategy());
                XYSeries band = chart.addSeries(s.strategy() + " 95% band", x, y);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(Palette.translucent(colour, 40));
                band.setLineColor(Palette.translucent(colour, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        for (StrategyStats s : d.strategies()) {
            Curve c = s.curves().get(metric);
            XYSeries mean = chart.addSeries(StrategyLabel.of(s), c.labels(), c.mean());
            mean.setLineColor(Palette.colour(a, s.strategy()));
            mean.setLineStyle(Palette.stroke(s.role()));
            mean.setMarker(SeriesMarkers.NONE);
            minX = Math.min(minX, c.labels()[0]);
            maxX = Math.max(maxX, c.labels()[c.labels().length - 1]);
        }
        if (metric == Metric.ACCURACY && d.fullPoolAccuracy().n() > 0) {
            XYSeries full = chart.addSeries(String.format(Locale.ROOT, "full pool (%.4f)", d.fullPoolAccuracy().mean()),
                    new double[] {minX, maxX}, new double[] {d.fullPoolAccuracy().mean(), d.fullPoolAccuracy().mean()});
            full.setLineColor(Color.BLACK);
            full.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {2f, 3f}, 0f));
            full.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Per-seed AUBC of the primary metric, one box per strategy. */
    static BoxChart aubcBoxes(Analysis a, DatasetAnalysis d) {
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
                .title(d.title() + ": AUBC (" + a.primaryMetric().key() + ", trapezoid) per seed")
                .yAxisTitle("AUBC").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        for (StrategyStats s : d.strategies()) {
            Color colour = Palette.colour(a, s.strategy());
            BoxSeries box = chart.addSeries(s.strategy(), s.aubcBySeed().values().stream().mapToDouble(Double::doubleValue).toArray());
            box.setFillColor(Palette.translucent(colour, 70));
            box.setLineColor(colour);
            box.setMarkerColor(colour);
        }
        return chart;
    }

    /** Mean fit, predict and query time per round, per strategy, with 95% intervals over seeds where they exist. */
    static CategoryChart costs(DatasetAnalysis d) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(d.title() + ": time per round (mean over seeds)").yAxisTitle("milliseconds").build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x4C72B0), new Color(0x55A868), new Color(0xDD8452)});
        chart.getStyler().setLabelsVisible(true); // cheap queries are invisible next to a committee's: print values
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setLabelsPosition(1.02);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        List<String> names = d.strategies().stream().map(StrategyStats::strategy).toList();
        addBars(chart, "fit", names, d.strategies().stream().map(StrategyStats::fitMs).toList());
        addBars(chart, "predict (test set + pool)", names, d.strategies().stream().map(StrategyStats::predictMs).toList());
        addBars(chart, "query (strategy's own work)", names, d.strategies().stream().map(StrategyStats::queryMs).toList());
        return chart;
    }

    /**
     * Each strategy's paired AUBC gain over random with its 95% interval over seeds: where the teacher-based
     * strategies stand against the classic ones (and the skyline) on one axis.
     */
    static CategoryChart gainOverRandom(Analysis a, DatasetAnalysis d) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 160)
                .title(d.title() + ": AUBC (" + a.primaryMetric().key() + ") gain over random, paired by seed")
                .yAxisTitle("Δ AUBC vs random").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x0072B2)});
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setXAxisLabelRotation(90); // upright names would overlap
        chart.getStyler().setXAxisTickMarkSpacingHint(16); // else XChart drops every other name
        List<String> names = new ArrayList<>();
        List<MeanInterval> gains = new ArrayList<>();
        for (StrategyStats s : d.strategies()) {
            Comparison c = d.againstRandom(s.strategy());
            if (c != null) {
                names.add(StrategyLabel.of(s));
                gains.add(c.difference());
            }
        }
        addBars(chart, "Δ AUBC", names, gains);
        return chart;
    }

    private static void addBars(CategoryChart chart, String name, List<String> categories,
                                List<MeanInterval> values) {
        List<Double> means = values.stream().map(MeanInterval::mean).toList();
        CategorySeries series;
        if (values.stream().allMatch(MeanInterval::defined)) {
            series = chart.addSeries(name, categories, means, values.stream().map(MeanInterval::halfWidth).toList());
        } else {
            series = chart.addSeries(name, categories, means);
        }
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Points on the cost axis at which a cost curve is drawn. */
    private static final int COST_POINTS = 200;

    /**
     * One strategy's metric vs the labelling cost spent, one line per routing: the mean over seeds of the step
     * function {@link CostCurve#at}, drawn from the cost at which every seed has a model; the budget as a dotted line.
     */
    static XYChart costCurves(CostAnalysis c, String strategy, Metric metric) {
        List<CostAnalysis.Arm> arms = c.arms().stream().filter(arm -> arm.strategy().equals(strategy)).toList();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(c.title() + " · " + StrategyLabel.of(strategy, arms.getFirst().role()) + ": " + metric.key()
                        + " vs labelling cost (mean over seeds)")
                .xAxisTitle("labelling cost spent (initial set included)").yAxisTitle(metric.key()).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(c.budget());
        List<String> routings = c.arms().stream().map(CostAnalysis.Arm::routing).distinct().toList();
        for (CostAnalysis.Arm arm : arms) {
            List<org.activebench.experiment.TrialResult> seeds = arm.trials();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i <= COST_POINTS; i++) {
                double cost = c.budget() * i / COST_POINTS;
                double[] values = seeds.stream().mapToDouble(t -> CostCurve.at(t, metric, cost)).toArray();
                if (java.util.Arrays.stream(values).noneMatch(Double::isNaN)) {
                    x.add(cost);
                    y.add(java.util.Arrays.stream(values).average().orElseThrow());
                }
            }
            if (!x.isEmpty()) {
                XYSeries line = chart.addSeries(arm.routing() + (arm.levers() == null ? "" : " · " + arm.levers()), x, y);
                line.setLineColor(Palette.indexed(routings.indexOf(arm.routing())));
                line.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /** Per routing, the mean cost by annotator at the end of a trial (over its strategies and seeds), stacked. */
    static CategoryChart costByAnnotator(CostAnalysis c) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(c.title() + ": labelling cost by annotator per routing (mean over strategies and seeds)")
                .yAxisTitle("cost").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisLabelRotation(12);
        List<String> routings = c.arms().stream().map(CostAnalysis.Arm::routing).distinct().toList();
        List<String> annotators = c.arms().stream().flatMap(arm -> arm.costBy().keySet().stream()).distinct().sorted().toList();
        for (int i = 0; i < annotators.size(); i++) {
            String annotator = annotators.get(i);
            List<Double> means = routings.stream().map(r -> c.arms().stream().filter(arm -> arm.routing().equals(r))
                    .mapToDouble(arm -> arm.costBy().containsKey(annotator) ? arm.costBy().get(annotator).mean() : 0)
                    .average().orElse(0)).toList();
            CategorySeries series = chart.addSeries(annotator, routings, means);
            series.setFillColor(Palette.indexed(i));
        }
        return chart;
    }

    /**
     * Demšar's critical-difference diagram drawn on an XY chart: the rank axis (1 = best, left), each strategy's
     * average rank with an elbow to its name, thick bars joining strategies whose ranks differ by less than CD.
     */
    static XYChart criticalDifference(Analysis a) {
        Ranking r = a.ranking();
        int k = r.strategies().size();
        List<String> byRank = new ArrayList<>(r.strategies());
        byRank.sort(Comparator.comparingDouble(r::averageRank));
        int half = (k + 1) / 2;
        double margin = 1.6;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(120 + 34 * half)
                .title("Average rank of AUBC (" + a.primaryMetric().key() + "), 1 = best; bars join strategies within the CD").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setXAxisMin(1 - margin).setXAxisMax(k + margin);
        chart.getStyler().setYAxisMin(-(half + 0.8)).setYAxisMax(1.3);
        line(chart, "axis", Color.BLACK, 1.5f, new double[] {1, k}, new double[] {0, 0});
        for (int rank = 1; rank <= k; rank++) {
            line(chart, "tick " + rank, Color.BLACK, 1f, new double[] {rank, rank}, new double[] {0, 0.15});
            chart.addAnnotation(text(Integer.toString(rank), rank, 0.45));
        }
        double cd = r.criticalDifference();
        if (Double.isFinite(cd)) {
            line(chart, "CD", Color.BLACK, 2.5f, new double[] {1, 1 + cd}, new double[] {1.0, 1.0});
            chart.addAnnotation(text(String.format(Locale.ROOT, "CD = %.2f", cd), 1 + cd / 2, 1.22));
            int bar = 0;
            int lastEnd = -1;
            for (int i = 0; i < k; i++) {
                int j = i;
                while (j + 1 < k && r.averageRank(byRank.get(j + 1)) - r.averageRank(byRank.get(i)) < cd) {
                    j++;
                }
                if (j > i && j > lastEnd) {
                    double y = -0.25 - 0.18 * bar++;
                    line(chart, "clique " + i, Color.BLACK, 4f,
                            new double[] {r.averageRank(byRank.get(i)) - 0.03, r.averageRank(byRank.get(j)) + 0.03},
                            new double[] {y, y});
                    lastEnd = j;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            String s = byRank.get(i);
            double rank = r.averageRank(s);
            boolean left = i < half;
            double y = -(left ? i + 1 : k - i);
            double end = left ? 1 - 0.25 : k + 0.25;
            line(chart, s, Palette.colour(a, s), 1.5f, new double[] {rank, rank, end}, new double[] {0, y, y});
            String label = String.format(Locale.ROOT, "%s (%.2f)", s, rank);
            chart.addAnnotation(text(label, left ? end - margin / 2 : end + margin / 2, y));
        }
        return chart;
    }

    private static void line(XYChart chart, String name, Color colour, float width, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width));
        s.setMarker(SeriesMarkers.NONE);
    }

    private static AnnotationText text(String label, double x, double y) {
        return new AnnotationText(label, x, y, false);
    }

    static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(new Color(0xDDDDDD));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAnnotationTextFontColor(Color.BLACK);
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setPlotBackgroundColor(Color.WHITE);
            axes.setPlotGridLinesColor(new Color(0xE5E5E5));
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
    }
}
