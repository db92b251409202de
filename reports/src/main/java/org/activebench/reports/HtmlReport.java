package org.activebench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.activebench.experiment.JsonFiles;
import static org.activebench.reports.Html.esc;

/**
 * The report as one self-contained HTML file: CSS and script inline, charts as SVG data URIs, so it opens offline,
 * can be mailed or attached to a paper, and prints. Summary first, then one section per data set, the ranking,
 * kernel timings when given, and the provenance needed to rerun it.
 */
final class HtmlReport {
    private final Analysis a;
    private final StringBuilder out = new StringBuilder();

    private HtmlReport(Analysis a) {
        this.a = a;
    }

    /**
     * @param charts per data set title, its charts; "ranking" and "jmh" hold the cross-data-set ones
     * @param jmh    the benchmark files shown in the performance section
     */
    static String render(Analysis a, Map<String, List<ChartFile>> charts, List<JmhResults> jmh, String rerun) {
        return new HtmlReport(a).page(charts, jmh, rerun);
    }

    private String page(Map<String, List<ChartFile>> charts, List<JmhResults> jmh, String rerun) {
        JsonNode m = a.source().manifest();
        String name = m.path("config").path("name").asText("experiment");
        List<String> learners = a.datasets().stream().map(DatasetAnalysis::learner).distinct().toList();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ActiveBench report: ").append(esc(name)).append("</title>\n<style>\n")
                .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        out.append("<h1>Active-learning report: ").append(esc(name)).append("</h1>\n<p class=\"sub\">")
                .append(a.datasets().size()).append(a.datasets().size() == 1 ? " data set" : " data sets").append(" · ")
                .append(a.strategies().size()).append(" strategies · seeds ").append(esc(m.path("seeds").toString()))
                .append(learners.size() == 1 ? " · learner " : " · learners ").append(esc(String.join(", ", learners)))
                .append(" · kernels ").append(esc(a.kernelBackend())).append(" · run ").append(esc(m.path("created").asText()))
                .append("</p>\n");
        if (a.source().leftOut() > 0) {
            out.append("<p class=\"notes\">").append(esc(Analysis.leftOutNote(a.source().leftOut()))).append("</p>\n");
        }

        out.append("<nav><ul>\n<li><a href=\"#summary\">Summary</a></li>\n");
        for (int i = 0; i < a.datasets().size(); i++) {
            out.append("<li><a href=\"#d").append(i).append("\">").append(esc(a.datasets().get(i).title())).append("</a></li>\n");
        }
        for (int i = 0; i < a.levers().size(); i++) {
            out.append("<li><a href=\"#l").append(i).append("\">").append(esc(a.levers().get(i).title()))
                    .append(": training levers</a></li>\n");
        }
        for (int i = 0; i < a.costs().size(); i++) {
            out.append("<li><a href=\"#c").append(i).append("\">").append(esc(a.costs().get(i).title()))
                    .append(": at equal cost</a></li>\n");
        }
        out.append("<li><a href=\"#ranking\">Ranking</a></li>\n");
        if (!jmh.isEmpty()) {
            out.append("<li><a href=\"#kernels\">Kernel benchmarks</a></li>\n");
        }
        out.append("<li><a href=\"#provenance\">Provenance</a></li>\n<li><a href=\"#definitions\">Definitions</a></li>\n</ul></nav>\n");

        out.append("<h2 id=\"summary\">Summary</h2>\n");
        for (DatasetAnalysis d : a.datasets()) {
            out.append("<p class=\"verdict\">").append(esc(Verdict.of(a, d))).append("</p>\n");
            table(Table.strategies(a, d, false), true);
        }
        for (CostAnalysis c : a.costs()) {
            out.append("<p class=\"verdict\">").append(esc(Verdict.ofCost(a, c))).append("</p>\n");
        }
        out.append("<p class=\"verdict\">").append(esc(Verdict.ranking(a))).append("</p>\n");

        for (int i = 0; i < a.datasets().size(); i++) {
            DatasetAnalysis d = a.datasets().get(i);
            out.append("<h2 id=\"d").append(i).append("\">").append(esc(d.title())).append("</h2>\n<p>")
                    .append(d.seeds().size()).append(" seeds ").append(esc(d.seeds().toString()))
                    .append(". Full-pool reference (").append(esc(d.learner())).append(" fitted on every pool row): accuracy ")
                    .append(esc(d.fullPoolAccuracy().n() == 0 ? "not recorded in these results"
                            : Numbers.meanCi(d.fullPoolAccuracy(), 4))).append(".</p>\n");
            table(Table.strategies(a, d, true), true);
            charts.getOrDefault(d.title(), List.of()).forEach(this::figure);
            out.append("<h3>All pairs</h3>\n");
            table(Table.pairwise(a, d), false);
            out.append("<h3>Every metric</h3>\n");
            table(Table.metrics(a, d), false);
        }

        for (int i = 0; i < a.levers().size(); i++) {
            LeverAnalysis l = a.levers().get(i);
            out.append("<h2 id=\"l").append(i).append("\">").append(esc(l.title())).append(": training levers</h2>\n");
            table(Table.levers(a, l), false);
        }
        for (int i = 0; i < a.costs().size(); i++) {
            CostAnalysis c = a.costs().get(i);
            out.append("<h2 id=\"c").append(i).append("\">").append(esc(c.title())).append(": at equal cost</h2>\n<p class=\"verdict\">")
                    .append(esc(Verdict.ofCost(a, c))).append("</p>\n");
            table(Table.equalCost(a, c), false);
            out.append("<h3>Who labelled, at what cost</h3>\n");
            table(Table.ledger(c), false);
            charts.getOrDefault("cost " + c.title(), List.of()).forEach(this::figure);
        }

        List<String> multi = a.datasets().stream().map(DatasetAnalysis::dataset).distinct()
                .filter(ds -> Table.learners(a, ds) != null).toList();
        if (!multi.isEmpty()) {
            out.append("<h2 id=\"learners\">Learners compared</h2>\n");
            for (String ds : multi) {
                out.append("<h3>").append(esc(ds)).append("</h3>\n");
                table(Table.learners(a, ds), false);
            }
        }

        out.append("<h2 id=\"ranking\">Ranking</h2>\n");
        if (!a.ranking().overDatasets()) {
            out.append("<p>Only one data set: strategies are ranked over its seeds. That says which strategy is "
                    + "consistently better on this data set, not across data sets; run several data sets for that.</p>\n");
        }
        table(Table.ranking(a), false);
        charts.getOrDefault("ranking", List.of()).forEach(this::figure);

        if (!jmh.isEmpty()) {
            out.append("<h2 id=\"kernels\">Kernel benchmarks (JMH)</h2>\n");
            jmh.forEach(r -> table(Table.jmh(r), false));
            charts.getOrDefault("jmh", List.of()).forEach(this::figure);
        }

        provenance(m, rerun);
        definitions();
        out.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private void table(Table t, boolean swatches) {
        out.append("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>");
        t.headers().forEach(h -> out.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Table.Cell> row : t.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Table.Cell cell = row.get(c);
                out.append(c == 0 ? "<td>" : t.numeric(c)
                        ? "<td data-key=\"" + (Double.isNaN(cell.sortKey()) ? "" : cell.sortKey()) + "\">" : "<td class=\"text\">");
                if (c == 0 && swatches) {
                    out.append("<span class=\"swatch\" style=\"background:")
                            .append(Palette.css(Palette.colour(a, cell.text()))).append("\"></span>");
                }
                out.append(esc(cell.text())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n<p class=\"notes\">").append(esc(t.notes())).append("</p>\n");
    }

    private void figure(ChartFile chart) {
        out.append("<figure><img src=\"").append(chart.dataUri()).append("\" alt=\"").append(esc(chart.alt()))
                .append("\"><figcaption>").append(esc(chart.alt())).append(" (also as charts/").append(esc(chart.name()))
                .append(".png and .svg)</figcaption></figure>\n");
    }

    private void provenance(JsonNode m, String rerun) {
        out.append("<h2 id=\"provenance\">Provenance</h2>\n<dl class=\"provenance\">\n");
        for (String key : List.of("activebench", "gitCommit", "created", "configSource", "kernelBackend", "threads",
                "seeds", "jdk", "os", "cpu", "cores")) {
            JsonNode v = m.path(key);
            out.append("<dt>").append(esc(key)).append("</dt><dd>")
                    .append(esc(v.isMissingNode() ? Numbers.NA : v.isTextual() ? v.asText() : v.toString())).append("</dd>\n");
        }
        out.append("<dt>results</dt><dd>").append(esc(a.source().root().toAbsolutePath().normalize().toString()))
                .append("</dd>\n<dt>rerun</dt><dd><code>").append(esc(rerun)).append("</code></dd>\n</dl>\n")
                .append("<p>Trial results are deterministic given the seeds (byte-identical on rerun, whatever the thread "
                        + "count and kernel backend); times are measurements of the machine above.</p>\n")
                .append("<h3>Config</h3>\n<pre>").append(esc(JsonFiles.pretty(m.path("config")))).append("</pre>\n");
    }

    private void definitions() {
        out.append("<h2 id=\"definitions\">Definitions</h2>\n<ul>\n")
                .append("<li><b>AUBC</b> (<code>trapezoid</code>): area under the learning curve (test metric vs number of "
                        + "labels), by the trapezoid rule over [initial labels, final labels] with the initial model included, "
                        + "divided by that width. <b>AUBC</b> (<code>lu2023</code>, Lu, Li &amp; Lin 2023, their "
                        + "<code>AUBC_Zhan</code>): <code>np.trapz(acc[1:], labels[1:]) / (labels[-1] - labels[0])</code>, the "
                        + "trapezoid over the curve after each query divided by the labels queried; 0 with one query, n/a "
                        + "with none. Both are recomputed from the stored curves.</li>\n")
                .append("<li><b>Intervals</b>: mean ± 95% Student-t interval over seeds; with one seed there is no interval "
                        + "and it reads n/a.</li>\n")
                .append("<li><b>Paired tests</b>: strategies share each seed's split and initial labels, so AUBCs are paired "
                        + "by seed. Wilcoxon signed-rank, two-sided, zero differences dropped, exact p from the permutation "
                        + "distribution (ties included) up to 200 pairs. With n differing pairs the smallest attainable p is "
                        + "2/2^n (0.0625 for 5 seeds). Holm's step-down correction within each family.</li>\n")
                .append("<li><b>Ranking</b>: average ranks of mean AUBC (1 = best, ties mid-ranked), Friedman's χ² test, "
                        + "Nemenyi critical difference at α = 0.05 (Demšar 2006); strategies joined by a bar in the diagram "
                        + "are not significantly different.</li>\n")
                .append("<li><b>Full-pool reference</b>: the same learner fitted on every row of the pool, measured on the "
                        + "same test set; the ceiling that \"labels to X%\" refers to.</li>\n</ul>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
