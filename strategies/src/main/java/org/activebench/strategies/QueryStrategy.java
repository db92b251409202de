package org.activebench.strategies;

/**
 * Chooses which unlabelled rows to send to the oracle next. Implementations are stateless and thread-safe: what a
 * strategy needs across rounds lives in the trial's {@link TrialState}. One method, so a lambda is a strategy:
 * {@code (context, batch) -> ...}. Its name in configs and results comes from its {@link StrategyProvider} (or,
 * from Java, from the name it is given).
 */
@FunctionalInterface
public interface QueryStrategy {

    /**
     * Returns {@code batch} distinct rows of {@code context.unlabelled()}, most valuable first.
     * Requires 1 <= batch <= context.unlabelled().length.
     */
    int[] select(QueryContext context, int batch);

    /** Extra models this strategy fits per query (a committee's members): lets the runner start costly trials first. */
    default int extraFitsPerQuery() {
        return 0;
    }
}
