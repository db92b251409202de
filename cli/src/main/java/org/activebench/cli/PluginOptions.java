package org.activebench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --plugin JAR}, for the commands that resolve components by name. */
final class PluginOptions {
    @Option(names = "--plugin", paramLabel = "JAR",
            description = "A jar of strategy, learner or stopping providers (ServiceLoader); repeatable.")
    List<Path> jars = new ArrayList<>();
}
