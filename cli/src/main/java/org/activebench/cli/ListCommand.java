package org.activebench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.spi.Registry;
import org.activebench.experiment.Catalog;
import org.activebench.experiment.ComponentListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench list [strategies|learners|stopping]}: every component a config can name, from its declaration. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the strategies, learners and stopping criteria (built-in and from --plugin jars) with their parameters.")
final class ListCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KIND", arity = "0..1", description = "strategies, learners or stopping (default: all three).")
    String kind;

    @Option(names = "--markdown", description = "Print Markdown tables.")
    boolean markdown;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.load(plugins.jars, "--plugin");
        List<String> kinds = kind == null ? List.of("strategies", "learners", "stopping") : List.of(kind);
        PrintWriter out = spec.commandLine().getOut();
        for (String k : kinds) {
            Registry<?> registry = switch (k) {
                case "strategies" -> catalog.strategies();
                case "learners" -> catalog.learners();
                case "stopping" -> catalog.stopping();
                default -> throw new ActiveBenchException("list: unknown kind '" + k + "' (valid: strategies, learners, stopping)");
            };
            if (kinds.size() > 1) {
                out.println(markdown ? "## " + k + "\n" : "# " + k);
            }
            out.print(markdown ? ComponentListing.markdown(registry) : ComponentListing.text(registry));
            if (kinds.size() > 1) {
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}
