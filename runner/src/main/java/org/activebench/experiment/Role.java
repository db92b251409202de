package org.activebench.experiment;

import java.util.Locale;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;

/**
 * What a strategy's results are to a report: the baseline every strategy is compared with (random), a skyline that
 * reads the true labels (drawn apart, kept out of verdicts and ranks), or an ordinary strategy. Recorded in the
 * manifest, from the components' declared capabilities, so that reports never recognise them by their names.
 */
public enum Role {
    STRATEGY, BASELINE, SKYLINE;

    static Role of(Component<?> strategy) {
        return strategy.capabilities().contains(Capability.READS_TRUE_LABELS) ? SKYLINE
                : strategy.capabilities().contains(Capability.BASELINE) ? BASELINE : STRATEGY;
    }

    /** As written in manifests. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
