package org.activebench.strategies;

/** Chooses which unlabelled rows to send to the oracle next. Implementations are stateless and thread-safe. */
public interface QueryStrategy {

    /** The strategy's name in results. */
    String name();

    /**
     * Returns {@code batch} distinct rows of {@code context.unlabelled()}, most valuable first.
     * Requires 1 <= batch <= context.unlabelled().length.
     */
    int[] select(QueryContext context, int batch);

    /** Whether it reads the pool's true labels: only a skyline may, and only when the config says so. */
    default boolean usesTrueLabels() {
        return false;
    }

    /** Extra models this strategy fits per query (a committee's members): lets the runner start costly trials first. */
    default int extraFitsPerQuery() {
        return 0;
    }
}
