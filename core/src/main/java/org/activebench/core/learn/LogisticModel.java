package org.activebench.core.learn;

/**
 * A fitted {@link LogisticObjective}: probabilities for the m classes it was trained on, mapped back to the data
 * set's k classes (a class it never saw gets 0). Rows are predicted in blocks on {@link LinearKernels}, in parallel
 * for large calls; each row's probabilities depend on that row alone.
 *
 * @param w       parameters, class by class [w_c, b_c]
 * @param outputs 1 for the binary sigmoid, else m
 * @param classes the data set's class of each trained class, ascending
 * @param preconditioner the fit's last block-Jacobi inverses (null if none): where the next round's warm-started
 *                       fit begins its conjugate gradients, instead of building them anew
 */
record LogisticModel(double[] w, int d, int outputs, int[] classes, int k, double[][] preconditioner) implements Model {

    LogisticModel(double[] w, int d, int outputs, int[] classes, int k) {
        this(w, d, outputs, classes, k, null);
    }

    /** Per-thread buffers for one block's features and logits, so that predictions stop allocating once warm. */
    private static final class Scratch {
        double[] x = new double[0];
        double[] z = new double[0];
        final double[] logSum = new double[LinearKernels.BLOCK];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Where one probability goes: into floats for the loop, into doubles for exact comparisons. */
    private interface Sink {
        void put(int at, double p);
    }

    @Override
    public void predictProba(float[] x, int d, int[] rows, float[] out) {
        predict(x, rows, (at, p) -> out[at] = (float) p);
    }

    @Override
    public void predictProba(float[] x, int d, int[] rows, double[] out) {
        predict(x, rows, (at, p) -> out[at] = p);
    }

    private void predict(float[] x, int[] rows, Sink out) {
        LinearKernels.forEachBlock(rows.length, (long) outputs * (this.d + 1), b -> predictBlock(x, rows, b, out));
    }

    private void predictBlock(float[] x, int[] rows, int b, Sink out) {
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
        for (int at = from * k; at < (from + count) * k; at++) {
            out.put(at, 0); // a class the model never saw
        }
        if (outputs == 1) {
            for (int i = 0; i < count; i++) {
                out.put((from + i) * k + classes[0], sigmoid(-z[i])); // 1 - σ(z) = σ(-z), without cancellation
                out.put((from + i) * k + classes[1], sigmoid(z[i]));
            }
            return;
        }
        LinearKernels.softmax(z, count, outputs, scratch.logSum);
        for (int i = 0; i < count; i++) {
            for (int m = 0; m < outputs; m++) {
                out.put((from + i) * k + classes[m], z[i * outputs + m]);
            }
        }
    }

    static double sigmoid(double z) {
        double e = Exp.exp(-Math.abs(z)); // at most 1: no overflow
        return z >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
}
