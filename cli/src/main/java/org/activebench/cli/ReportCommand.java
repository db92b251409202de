package org.activebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.activebench.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench report RESULTS_DIR}: statistics, charts and the HTML report of a finished (or partial) run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the report of a results directory: report.html (self-contained: summary, learning curves "
                + "with 95%% bands, paired tests vs random and between strategies, ranks and critical difference, costs, "
                + "provenance), summary.md, and every chart as PNG and SVG. Prints the markdown summary.",
            "Works on a partial run too: it reports the trials completed so far."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS_DIR", description = "A directory written by `run` or `demo` (holds manifest.json).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: RESULTS_DIR/report).")
    Path out;

    @Option(names = "--jmh", paramLabel = "FILE", description = "A JMH JSON result file (from `activebench bench`) to "
            + "chart in a kernel-performance section; may be repeated.")
    List<Path> jmh = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Report.Written written = Report.write(results, out != null ? out : results.resolve("report"), jmh);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(written.summary());
        printPaths(written, stdout);
        return 0;
    }

    static void printPaths(Report.Written written, PrintWriter out) {
        out.println("report:  " + written.html().toAbsolutePath().normalize());
        out.println("summary: " + written.markdown() + ", charts (PNG, SVG): " + written.charts());
        out.flush();
    }
}
