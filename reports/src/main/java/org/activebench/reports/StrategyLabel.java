package org.activebench.reports;

import org.activebench.experiment.Role;

/** A strategy's name as the report prints it: a skyline says that it is one, wherever it appears. */
final class StrategyLabel {
    private StrategyLabel() {
    }

    static String of(String strategy, Role role) {
        return role == Role.SKYLINE ? strategy + " (skyline: reads true labels)" : strategy;
    }

    static String of(StrategyStats s) {
        return of(s.strategy(), s.role());
    }
}
