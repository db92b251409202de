package org.activebench.cli;

import org.activebench.experiment.Experiment;
import picocli.CommandLine;

/** Reports the version stamped into the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ActiveBench " + Experiment.version()};
    }
}
