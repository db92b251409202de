package org.activebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;
import org.activebench.experiment.JsonFiles;
import org.knowm.xchart.HorizontalBarChart;
import org.knowm.xchart.HorizontalBarChartBuilder;

/** A JMH result file ({@code -rf json}, as {@code activebench bench} writes it), for the report's performance section. */
record JmhResults(Path file, List<Entry> entries) {

    /**
     * One benchmark at one parameter setting.
     *
     * @param params "k=10, n=1000000" style, empty without parameters
     * @param error  JMH's 99.9% half-width; NaN when it could not compute one (a single iteration)
     */
    record Entry(String benchmark, String params, String mode, double score, double error, String unit) {
        String label() {
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return params.isEmpty() ? shortName : shortName + " [" + params + "]";
        }
    }

    static JmhResults read(Path file) {
        JsonNode root = JsonFiles.read(file, JsonNode.class, "JMH JSON");
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ActiveBenchException(file + ": not JMH JSON (expected a non-empty array of benchmark results)");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode b = root.get(i);
            JsonNode metric = b.path("primaryMetric");
            if (!b.path("benchmark").isTextual() || !metric.path("score").isNumber()) {
                throw new ActiveBenchException(file + ": entry " + i + " has no benchmark name or primaryMetric.score");
            }
            List<String> params = new ArrayList<>();
            b.path("params").properties().forEach(p -> params.add(p.getKey() + "=" + p.getValue().asText()));
            entries.add(new Entry(b.get("benchmark").asText(), String.join(", ", params), b.path("mode").asText(),
                    metric.get("score").asDouble(), metric.path("scoreError").isNumber()
                            ? metric.get("scoreError").asDouble() : Double.NaN, metric.path("scoreUnit").asText()));
        }
        return new JmhResults(file, List.copyOf(entries));
    }

    /** One horizontal bar chart per unit (ns/op and ms/op do not share an axis), bars in file order. */
    Map<String, HorizontalBarChart> charts() {
        Map<String, List<Entry>> byUnit = entries.stream()
                .collect(Collectors.groupingBy(Entry::unit, LinkedHashMap::new, Collectors.toList()));
        Map<String, HorizontalBarChart> charts = new LinkedHashMap<>();
        byUnit.forEach((unit, list) -> {
            HorizontalBarChart chart = new HorizontalBarChartBuilder().width(Charts.WIDTH).height(220 + 60 * list.size()) // XChart drops tick labels of tighter bars
                    .title("JMH: " + file.getFileName() + " (" + unit + ", lower is better)").xAxisTitle(unit).build();
            Charts.style(chart.getStyler());
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setSeriesColors(new Color[] {new Color(0x4C72B0)});
            chart.getStyler().setXAxisDecimalPattern("#,##0.###");
            chart.addSeries("score", list.stream().map(Entry::score).toList(), list.stream().map(Entry::label).toList());
            charts.put(unit, chart);
        });
        return charts;
    }
}
