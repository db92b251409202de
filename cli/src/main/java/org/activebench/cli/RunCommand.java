package org.activebench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Duration;
import java.util.Locale;
import org.activebench.experiment.Claim;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Progress;
import org.activebench.experiment.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench run CONFIG}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the experiment described by a JSON config, write its report (RESULTS_DIR/report) and print the summary.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "Experiment config (JSON); see the README's config reference.")
    Path config;

    @Mixin
    RunOptions options;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (I from 0) of the study, "
            + "beside the other shards in the same --out (on any host); `merge` then writes results.csv and the report.")
    String shard;

    @Option(names = "--claim-timeout", paramLabel = "SECONDS", description = "With --shard: a cell claim whose "
            + "heartbeat is this old is taken over (its owner died on another host; default ${DEFAULT-VALUE}).")
    long claimTimeout = Claim.DEFAULT_TIMEOUT_SECONDS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Experiment experiment = Experiment.fromFile(config, plugins.jars);
        if (shard == null) {
            return Runner.run(experiment, options, spec.commandLine().getOut());
        }
        Shard part = Shard.parse(shard);
        Path dir = options.out != null ? options.out : Path.of("results", experiment.name());
        Experiment.Result r = experiment.run(dir, part, options.threads, Progress.NONE, Duration.ofSeconds(claimTimeout));
        spec.commandLine().getOut().printf(Locale.ROOT, "shard %s: %d trials, %d done before, %d cells left to the "
                + "processes holding them; %s%n", part, r.trials(), r.resumed(), r.elsewhere(),
                r.time().describe(options.threads));
        return 0;
    }
}
