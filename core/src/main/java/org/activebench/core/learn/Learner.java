package org.activebench.core.learn;

/**
 * Fits a classifier on labelled rows of a dense row-major feature matrix. A learner is configured once and may
 * be used from several threads; every source of randomness comes from the {@code seed} argument.
 */
public interface Learner {

    /** The name the learner goes by in configs and results. */
    String name();

    /**
     * @param x      n x d features, row-major (only {@code rows} are read)
     * @param d      number of features
     * @param rows   the labelled rows
     * @param labels their classes, each in [0, k)
     * @param k      number of classes of the data set; the model reports probabilities for all k
     * @param seed   fixes the learner's randomness (bootstraps, permutations)
     */
    Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed);
}
