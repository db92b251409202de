package org.activebench.reports;

import org.activebench.strategies.Strategies;

/** A strategy's name as the report prints it: a skyline says that it is one, wherever it appears. */
final class StrategyLabel {
    private StrategyLabel() {
    }

    static String of(String strategy) {
        return Strategies.isSkyline(strategy) ? strategy + " (skyline: reads true labels)" : strategy;
    }
}
