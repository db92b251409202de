package org.activebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Progress;
import org.activebench.reports.Report;

/** Runs an experiment for a command: progress bar on stderr, then the report is written and its summary printed. */
final class Runner {
    private Runner() {
    }

    static int run(Experiment experiment, RunOptions options, PrintWriter out) {
        Path dir = options.out != null ? options.out : Path.of("results", experiment.name());
        try (Progress progress = options.noProgress ? Progress.NONE : new Bar()) {
            Experiment.Result result = experiment.run(dir, options.threads, progress);
            long start = System.nanoTime();
            Report.Written report = Report.write(dir, dir.resolve("report"), List.of());
            double reportSeconds = (System.nanoTime() - start) / 1e9;
            out.println();
            out.print(report.summary());
            out.println();
            out.println(result.trials() + " trials (" + result.resumed() + " reused from an earlier run) in " + dir);
            out.println("results: " + dir.resolve("results.csv") + ", per trial: " + dir.resolve("trials"));
            ReportCommand.printPaths(report, out);
            out.printf(Locale.ROOT, "%s; report %.2f s%n", result.time().describe(options.threads), reportSeconds);
        }
        return 0;
    }

    /** A console progress bar over all rounds of all trials. */
    private static final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public void start(long totalRounds, int trials, int resumed) {
            bar = new ProgressBarBuilder().setTaskName(trials + " trials" + (resumed > 0 ? ", " + resumed + " reused" : ""))
                    .setInitialMax(Math.max(totalRounds, 1)).setStyle(ProgressBarStyle.ASCII).setUnit(" rounds", 1)
                    .continuousUpdate().build();
        }

        @Override
        public void advance(long rounds) {
            bar.stepBy(rounds);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
