package org.activebench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.activebench.experiment.Claim;
import org.activebench.experiment.StudyStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench status DIR}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Cells of the study in RESULTS_DIR done / running / failed / missing, per data set and strategy, "
                + "and which shard, process and host holds each running cell. Reads only.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS_DIR", description = "A directory written by `run` (with or without --shard).")
    Path results;

    @Option(names = "--claim-timeout", paramLabel = "SECONDS",
            description = "A claim whose heartbeat is this old counts as stale (default ${DEFAULT-VALUE}).")
    long claimTimeout = Claim.DEFAULT_TIMEOUT_SECONDS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(StudyStatus.of(results, Duration.ofSeconds(claimTimeout)).describe());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
