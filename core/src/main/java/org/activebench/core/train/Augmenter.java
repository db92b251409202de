package org.activebench.core.train;

/**
 * Makes extra training rows from the labelled ones before a fit (data augmentation inside the loop). Each extra row
 * carries a label and a weight; the learner fits them beside the labelled rows. Draws come from the context's seed
 * per row, so a labelled row gets the same copies in a round whichever strategy labelled it.
 */
@FunctionalInterface
public interface Augmenter {
    /** The extra rows for {@code context.set()}'s labelled rows. */
    Augmented augment(AugmentContext context);

    /**
     * Checks that it can augment rows of {@code features} features (an image's shape, say) before anything runs;
     * throws {@code ActiveBenchException} naming {@code key} and {@code dataset} if not.
     */
    default void check(int features, String dataset, String key) {
    }

    /**
     * Extra rows: features row-major (labels.length x d), a label and a weight each.
     */
    record Augmented(float[] x, int[] labels, double[] weights) {
        public Augmented {
            if (weights.length != labels.length || x.length % Math.max(1, labels.length) != 0) {
                throw new IllegalArgumentException(labels.length + " labels, " + weights.length + " weights, "
                        + x.length + " feature values");
            }
        }
    }
}
