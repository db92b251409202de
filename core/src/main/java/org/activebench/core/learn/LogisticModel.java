package org.activebench.core.learn;

import java.util.Arrays;

/**
 * A fitted {@link LogisticObjective}: probabilities for the m classes it was trained on, mapped back to the data
 * set's k classes (a class it never saw gets 0).
 *
 * @param w       parameters, class by class [w_c, b_c]
 * @param outputs 1 for the binary sigmoid, else m
 * @param classes the data set's class of each trained class, ascending
 */
record LogisticModel(double[] w, int d, int outputs, int[] classes, int k) implements Model {

    @Override
    public void predictProba(float[] x, int d, int[] rows, float[] out) {
        double[] logits = new double[outputs];
        Arrays.fill(out, 0, rows.length * k, 0f);
        for (int i = 0; i < rows.length; i++) {
            logits(w, x, rows[i] * d, d, outputs, logits);
            int base = i * k;
            if (outputs == 1) {
                double p = sigmoid(logits[0]);
                out[base + classes[0]] = (float) (1 - p);
                out[base + classes[1]] = (float) p;
                continue;
            }
            double logSum = logSumExp(logits);
            for (int m = 0; m < outputs; m++) {
                out[base + classes[m]] = (float) Math.exp(logits[m] - logSum);
            }
        }
    }

    /** out[m] = w_m · x_row + b_m for every output m, in double. */
    static void logits(double[] w, float[] x, int offset, int d, int outputs, double[] out) {
        for (int m = 0; m < outputs; m++) {
            int base = m * (d + 1);
            double z = w[base + d];
            for (int j = 0; j < d; j++) {
                z += w[base + j] * x[offset + j];
            }
            out[m] = z;
        }
    }

    /** log Σ exp(z), shifted by the maximum so that no term overflows. */
    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
