package org.activebench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.activebench.core.ActiveBenchException;
import org.activebench.experiment.TrialFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code activebench run | status | merge | slurm | demo | list | report | embed | teacher | kernels}. User errors end in one line on stderr and exit code 2. */
@Command(name = "activebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmark pool-based active-learning query strategies.",
        subcommands = {RunCommand.class, StatusCommand.class, MergeCommand.class, SlurmCommand.class, DemoCommand.class, ListCommand.class, ReportCommand.class, EmbedCommand.class, TeacherCommand.class, KernelsCommand.class, CommandLine.HelpCommand.class})
public final class ActiveBenchCli implements Callable<Integer> {
    /** Exit code for bad input (a file, a config key, an option). */
    static final int BAD_INPUT = 2;
    /** A trial failed for another reason than the input (a bug, a resource): the others are saved. */
    static final int TRIAL_FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        // One line per log record ("INFO: kernels: panama ..."), unless the user configured logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ActiveBenchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TrialFailure failure) { // one line; others' results are kept, a rerun resumes
                err.println("error: " + e.getMessage());
                return failure.badInput() ? BAD_INPUT : TRIAL_FAILED;
            }
            if (e instanceof ActiveBenchException || e instanceof java.io.UncheckedIOException) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
