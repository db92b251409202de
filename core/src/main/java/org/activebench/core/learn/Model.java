package org.activebench.core.learn;

/** A fitted classifier that reports class probabilities for all k classes of the data set. */
public interface Model {

    /**
     * Writes the class probabilities of {@code rows} into {@code out} as a row-major rows.length x k block;
     * each row sums to 1 and a class the model never saw gets 0.
     */
    void predictProba(float[] x, int d, int[] rows, float[] out);
}
