package org.activebench.core.learn;

import java.util.Arrays;

/**
 * A fitted {@link LogisticObjective}: probabilities for the m classes it was trained on, mapped back to the data
 * set's k classes (a class it never saw gets 0). Rows are predicted in blocks on {@link LinearKernels}, in parallel
 * for large calls; each row's probabilities depend on that row alone.
 *
 * @param w       parameters, class by class [w_c, b_c]
 * @param outputs 1 for the binary sigmoid, else m
 * @param classes the data set's class of each trained class, ascending
 */
record LogisticModel(double[] w, int d, int outputs, int[] classes, int k) implements Model {

    /** Per-thread buffers for one block's features and logits, so that predictions stop allocating once warm. */
    private static final class Scratch {
        double[] x = new double[0];
        double[] z = new double[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    @Override
    public void predictProba(float[] x, int d, int[] rows, float[] out) {
        LinearKernels.forEachBlock(rows.length, (long) outputs * (d + 1), b -> predictBlock(x, rows, b, out));
    }

    private void predictBlock(float[] x, int[] rows, int b, float[] out) {
        int from = b * LinearKernels.BLOCK;
        int count = Math.min(LinearKernels.BLOCK, rows.length - from);
        Scratch scratch = SCRATCH.get();
        if (scratch.x.length < LinearKernels.BLOCK * d) {
            scratch.x = new double[LinearKernels.BLOCK * d];
        }
        if (scratch.z.length < LinearKernels.BLOCK * outputs) {
            scratch.z = new double[LinearKernels.BLOCK * outputs];
        }
        double[] z = scratch.z;
        LinearKernels.gather(x, d, rows, from, count, scratch.x);
        LinearKernels.logits(w, outputs, scratch.x, 0, count, d, z);
        Arrays.fill(out, from * k, (from + count) * k, 0f);
        for (int i = 0; i < count; i++) {
            int base = (from + i) * k;
            if (outputs == 1) {
                double p = sigmoid(z[i]);
                out[base + classes[0]] = (float) (1 - p);
                out[base + classes[1]] = (float) p;
                continue;
            }
            softmax(z, i * outputs, outputs);
            for (int m = 0; m < outputs; m++) {
                out[base + classes[m]] = (float) z[i * outputs + m];
            }
        }
    }

    /**
     * Replaces the m logits at {@code z[offset ..]} by their softmax and returns log Σ exp(z) (shifted by the
     * maximum, so that no term overflows).
     */
    static double softmax(double[] z, int offset, int m) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            max = Math.max(max, z[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < m; c++) {
            double e = Math.exp(z[offset + c] - max);
            z[offset + c] = e;
            sum += e;
        }
        for (int c = 0; c < m; c++) {
            z[offset + c] /= sum;
        }
        return max + Math.log(sum);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
