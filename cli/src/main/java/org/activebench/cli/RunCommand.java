package org.activebench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activebench.experiment.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Runner.run(Experiment.fromFile(config, plugins.jars), options, spec.commandLine().getOut());
    }
}
