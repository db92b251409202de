package org.activebench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code demo}. */
final class RunOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Results directory (default: results/<config name>). Completed trials found there are reused.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Trials run in parallel (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;
}
