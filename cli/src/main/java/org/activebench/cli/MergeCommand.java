package org.activebench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activebench.experiment.StudyMerge;
import org.activebench.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench merge DIR}: results.csv, manifest and report of a study its shards computed. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Once every shard of the study in RESULTS_DIR is done, write results.csv (as one run would), the "
                + "manifest and the report. Refuses a directory that mixes studies or misses cells (see `status`).")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS_DIR", description = "The --out of the study's shards.")
    Path results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyMerge.Merged merged = StudyMerge.merge(results);
        Report.Written report = Report.write(results, results.resolve("report"), List.of());
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.summary());
        out.println();
        out.println("merged " + merged.cells() + " cells (" + merged.trials() + " trials) of study " + merged.study()
                + " into " + results.resolve("results.csv"));
        ReportCommand.printPaths(report, out);
        return 0;
    }
}
