package org.activebench.core.learn;

/** A fitted classifier that reports class probabilities for all k classes of the data set. */
@FunctionalInterface
public interface Model {

    /**
     * Writes the class probabilities of {@code rows} into {@code out} as a row-major rows.length x k block;
     * each row sums to 1 and a class the model never saw gets 0.
     */
    void predictProba(float[] x, int d, int[] rows, float[] out);

    /**
     * As {@link #predictProba(float[], int, int[], float[])}, in double precision where the model computes in
     * double (logistic regression): what near-ties of float scores are re-decided from. Others widen their floats.
     */
    default void predictProba(float[] x, int d, int[] rows, double[] out) {
        int k = out.length / Math.max(1, rows.length);
        float[] single = new float[rows.length * k];
        predictProba(x, d, rows, single);
        for (int i = 0; i < single.length; i++) {
            out[i] = single[i];
        }
    }
}
