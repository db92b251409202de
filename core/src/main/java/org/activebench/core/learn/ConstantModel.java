package org.activebench.core.learn;

import java.util.Arrays;

/** What any learner returns when the labelled set holds a single class: that class, with certainty. */
record ConstantModel(int label, int k) implements Model {

    @Override
    public void predictProba(float[] x, int d, int[] rows, float[] out) {
        Arrays.fill(out, 0, rows.length * k, 0f);
        for (int i = 0; i < rows.length; i++) {
            out[i * k + label] = 1f;
        }
    }
}
