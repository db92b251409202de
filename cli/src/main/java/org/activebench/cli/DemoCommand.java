package org.activebench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.experiment.ConfigReader;
import org.activebench.experiment.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench demo}: the embedded digits experiment. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the built-in demo: bundled digits, logistic regression, random / least confidence / "
                + "entropy / margin / QBC vote entropy (3 members), 5 seeds, 20 initial labels, 10 per round, 50 rounds."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Option(names = "--print-config", description = "Print the demo's config (a starting point for your own) and exit.")
    boolean printConfig;

    @Spec
    CommandSpec spec;

    static String config() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() {
        if (printConfig) {
            spec.commandLine().getOut().print(config());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Experiment demo = new Experiment(ConfigReader.parse(config(), "demo config"), "demo config", Path.of("."),
                KernelProvider.get());
        return Runner.run(demo, options, spec.commandLine().getOut());
    }
}
