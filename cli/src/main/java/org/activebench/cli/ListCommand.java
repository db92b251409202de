package org.activebench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.spi.Registry;
import org.activebench.experiment.Catalog;
import org.activebench.experiment.ComponentKind;
import org.activebench.experiment.ComponentListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench list [KIND]}: every component of every kind a config can name, from its declaration. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the strategies, learners, stopping criteria, annotators, routing policies, weighting schemes and augmenters (built-in and from"
                + " --plugin jars) with their parameters.")
final class ListCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KIND", arity = "0..1", description = "strategies, learners, stopping, annotators, routing, weighting or augmenters (default: all).")
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
        List<ComponentKind<?>> kinds = kind == null ? ComponentKind.ALL : List.of(kindNamed(kind));
        PrintWriter out = spec.commandLine().getOut();
        for (ComponentKind<?> k : kinds) {
            Registry<?> registry = catalog.registry(k);
            if (kinds.size() > 1) {
                out.println(markdown ? "## " + k.plural() + "\n" : "# " + k.plural());
            }
            out.print(markdown ? ComponentListing.markdown(registry) : ComponentListing.text(registry));
            if (kinds.size() > 1) {
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    private static ComponentKind<?> kindNamed(String name) {
        ComponentKind<?> found = ComponentKind.named(name);
        if (found == null) {
            throw new ActiveBenchException("list: unknown kind '" + name + "' (valid: "
                    + String.join(", ", ComponentKind.ALL.stream().map(ComponentKind::plural).toList()) + ")");
        }
        return found;
    }
}
