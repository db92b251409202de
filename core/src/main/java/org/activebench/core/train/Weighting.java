package org.activebench.core.train;

/**
 * Gives each labelled row a weight before a fit: a row of weight s counts as s copies of it in the learner's
 * objective. The loop scales the weights to mean 1 over the labelled rows (so that a learner's regularisation means
 * what it meant without weights) and checks them: finite, at least 0, not all 0.
 */
@FunctionalInterface
public interface Weighting {
    /** One weight per labelled row of {@code context.set()}, in its order. */
    double[] weights(WeightingContext context);

    /**
     * Whether the scheme reads {@link WeightingContext#history}: the loop then records, for every labelled row, the
     * probability each model gave its label.
     */
    default boolean readsHistory() {
        return false;
    }
}
