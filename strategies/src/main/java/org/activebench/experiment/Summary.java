package org.activebench.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run table: per data set and strategy, over seeds, AUBC (trapezoid, accuracy) mean ± sample standard
 * deviation, its paired difference to random (same seeds), final accuracy, and mean times per round.
 */
public final class Summary {
    /** One line of the table. */
    public record Row(String dataset, String strategy, int seeds, double aubcMean, double aubcStd,
                      Double deltaVsRandom, double finalAccuracy, double finalLabels, double queryMs, double fitMs) {
    }

    private final List<Row> rows;

    private Summary(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** @param results trials with their timings, in config order */
    static Summary of(List<TrialResult> results, List<TrialTimings> timings) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            TrialResult r = results.get(i);
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.strategy(), g -> new ArrayList<>()).add(i);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            TrialResult first = results.get(group.getFirst());
            double[] aubc = group.stream().mapToDouble(i -> aubcOf(results.get(i))).toArray();
            Double delta = null;
            List<Integer> random = groups.get(first.dataset() + "\u0000random");
            if (random != null && !first.strategy().equals("random")) {
                Map<Long, Double> randomBySeed = new LinkedHashMap<>();
                random.forEach(i -> randomBySeed.put(results.get(i).seed(), aubcOf(results.get(i))));
                double[] diffs = group.stream().filter(i -> randomBySeed.containsKey(results.get(i).seed()))
                        .mapToDouble(i -> aubcOf(results.get(i)) - randomBySeed.get(results.get(i).seed())).toArray();
                delta = diffs.length == 0 ? null : mean(diffs);
            }
            rows.add(new Row(first.dataset(), first.strategy(), group.size(), mean(aubc), std(aubc), delta,
                    mean(group.stream().mapToDouble(i -> results.get(i).finalMetrics().get("accuracy")).toArray()),
                    mean(group.stream().mapToDouble(i -> results.get(i).rounds().getLast().labelled()).toArray()),
                    mean(group.stream().mapToDouble(i -> timings.get(i).meanQueryMs()).toArray()),
                    mean(group.stream().mapToDouble(i -> timings.get(i).meanFitMs()).toArray())));
        }
        return new Summary(rows);
    }

    private static double aubcOf(TrialResult r) {
        return r.aubc().get("accuracy").trapezoid();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation; NaN for a single value (shown as "n/a", not as a fake 0). */
    static double std(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** The table as aligned text. */
    public String render() {
        String[] header = {"dataset", "strategy", "seeds", "AUBC (acc)", "vs random", "final acc", "labels",
                "query ms/rnd", "fit ms/rnd"};
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : rows) {
            cells.add(new String[] {r.dataset(), r.strategy(), Integer.toString(r.seeds()),
                    fmt("%.4f", r.aubcMean()) + " ± " + (Double.isNaN(r.aubcStd()) ? "n/a" : fmt("%.4f", r.aubcStd())),
                    r.deltaVsRandom() == null ? "" : fmt("%+.4f", r.deltaVsRandom()),
                    fmt("%.4f", r.finalAccuracy()), fmt("%.0f", r.finalLabels()),
                    fmt("%.2f", r.queryMs()), fmt("%.2f", r.fitMs())});
        }
        int[] width = new int[header.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            for (int c = 0; c < row.length; c++) {
                boolean text = c < 2;
                String pad = " ".repeat(width[c] - row[c].length());
                out.append(c == 0 ? "" : "  ").append(text ? row[c] + pad : pad + row[c]);
            }
            out.append('\n');
            if (i == 0) {
                out.append("-".repeat(out.length() - 1)).append('\n');
            }
        }
        out.append("AUBC: normalised trapezoid area under test accuracy vs labels; ± is the sample std over seeds;\n")
                .append("vs random: mean paired AUBC difference on the same seeds; times are wall-clock means per round.\n");
        return out.toString();
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }
}
