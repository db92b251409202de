package org.activebench.experiment;

import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/**
 * A trial (or a full-pool reference fit) that failed, said in one line: data set, learner, strategy, seed and the
 * round it was in, then the cause. The run lets every other trial finish and keeps their results; the failed one
 * wrote nothing, so a rerun into the same directory computes just it (and whatever else is missing). The cause's
 * stack trace goes to {@code failures/} in the output directory, for a bug report.
 */
public final class TrialFailure extends RuntimeException {
    private final int others;

    TrialFailure(String dataset, String learner, String strategy, long seed, int round, RuntimeException cause) {
        this(String.format(Locale.ROOT, "%s / %s / %s / seed %d failed in %s: %s", dataset, learner,
                strategy == null ? "full-pool reference" : strategy, seed, round < 0 ? "its fit" : "round " + round,
                cause instanceof ActiveBenchException ? cause.getMessage() : cause.toString()), cause, 0);
    }

    private TrialFailure(String message, Throwable cause, int others) {
        super(message, cause);
        this.others = others;
    }

    /** This failure reported for a run in which {@code others} more trials failed, their traces in {@code dir}. */
    TrialFailure withOthers(int others, java.nio.file.Path dir) {
        String more = others == 0 ? "" : String.format(Locale.ROOT, " (and %d more failed trial%s)", others, others == 1 ? "" : "s");
        return new TrialFailure(getMessage() + more + "; completed trials are saved, a rerun computes the rest; traces in "
                + dir, getCause(), others);
    }

    /** A trial that failed on the user's input (a learner parameter, a data set's shape): exit code 2, not 1. */
    public boolean badInput() {
        return getCause() instanceof ActiveBenchException;
    }

    /** How many other trials of the run failed as well. */
    public int others() {
        return others;
    }
}
