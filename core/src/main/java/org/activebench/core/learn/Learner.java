package org.activebench.core.learn;

/**
 * Fits a classifier on labelled rows of a dense row-major feature matrix. A learner is configured once and may
 * be used from several threads; every source of randomness comes from the {@code seed} argument.
 */
@FunctionalInterface
public interface Learner {

    /**
     * @param x      n x d features, row-major (only {@code rows} are read)
     * @param d      number of features
     * @param rows   the labelled rows
     * @param labels their classes, each in [0, k)
     * @param k      number of classes of the data set; the model reports probabilities for all k
     * @param seed   fixes the learner's randomness (bootstraps, permutations)
     */
    Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed);

    /**
     * As {@link #fit(float[], int, int[], int[], int, long)}, starting from {@code previous} (a model this learner
     * fitted on an earlier labelled set, or null) where the learner can: the active-learning loop refits after
     * every small batch. Learners without a warm start ignore it; the result must not depend on it beyond the
     * learner's stated tolerance.
     */
    default Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed, Model previous) {
        return fit(x, d, rows, labels, k, seed);
    }

    /** Whether {@link #fit(float[], int, int[], int[], int, long, Model)} uses {@code previous} to save work. */
    default boolean warmStarts() {
        return false;
    }

    /**
     * What the loop calls: fits on a training set, warm from {@code previous} where the learner can. By default the
     * plain rows go to {@link #fit(float[], int, int[], int[], int, long, Model)}, so learners written before it
     * need no change; a set with weights or extra rows that this learner does not {@link #honours honour} is refused.
     */
    default Model fit(TrainingSet set, long seed, Model previous) {
        set.requireHonouredBy(honours(), "learner " + getClass().getSimpleName());
        return fit(set.x(), set.d(), set.rows(), set.labels(), set.k(), seed, previous);
    }

    /** What this learner honours in a {@link TrainingSet} beyond plain rows; a config that needs more is refused. */
    default java.util.Set<TrainingSet.Feature> honours() {
        return java.util.Set.of();
    }
}
