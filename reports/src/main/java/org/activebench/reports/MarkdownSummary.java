package org.activebench.reports;

/** The report in markdown, for terminals and READMEs: per data set the compact table and the verdict; names escaped. */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static String of(Analysis a) {
        StringBuilder out = new StringBuilder("# Active-learning results: ")
                .append(MarkdownText.inline(a.source().manifest().path("config").path("name").asText("experiment")))
                .append("\n\n");
        if (a.source().leftOut() > 0) {
            out.append(Analysis.leftOutNote(a.source().leftOut())).append("\n\n");
        }
        for (DatasetAnalysis d : a.datasets()) {
            out.append("## ").append(MarkdownText.inline(d.title())).append("\n\n")
                    .append(Table.strategies(a, d, false).markdown()).append('\n')
                    .append(MarkdownText.paragraph(Verdict.of(a, d))).append("\n\n");
        }
        a.datasets().stream().map(DatasetAnalysis::dataset).distinct().forEach(ds -> {
            Table learners = Table.learners(a, ds);
            if (learners != null) {
                out.append("## ").append(MarkdownText.inline(ds)).append(": learners compared\n\n")
                        .append(learners.markdown()).append('\n');
            }
        });
        for (LeverAnalysis l : a.levers()) {
            out.append("## ").append(MarkdownText.inline(l.title())).append(": training levers\n\n")
                    .append(Table.levers(a, l).markdown()).append('\n');
        }
        for (CostAnalysis c : a.costs()) {
            out.append("## ").append(MarkdownText.inline(c.title())).append(": at equal cost\n\n")
                    .append(Table.equalCost(a, c).markdown()).append('\n')
                    .append(Table.ledger(c).markdown()).append('\n')
                    .append(MarkdownText.paragraph(Verdict.ofCost(a, c))).append("\n\n");
        }
        out.append(MarkdownText.paragraph(Verdict.ranking(a))).append("\n\n")
                .append("Kernel backend: ").append(MarkdownText.inline(a.kernelBackend()))
                .append(". AUBC: trapezoid area under ").append(MarkdownText.inline(a.primaryMetric().key()))
                .append(" vs labels, mean ± 95% t-interval over seeds; p: Wilcoxon signed-rank vs random, ")
                .append("Holm-corrected (* below 0.05).\n");
        return out.toString();
    }
}
