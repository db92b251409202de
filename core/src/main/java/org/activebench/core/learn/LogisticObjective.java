package org.activebench.core.learn;

import java.util.Arrays;

/**
 * The standard L2-regularised logistic-regression objective over m classes (as in LIBLINEAR and scikit-learn):
 * <pre>  f(W, b) = Σ_i -log p(y_i | x_i) + ||W||² / (2C)</pre>
 * summed (not averaged) over the rows, so C means what it means there; intercepts are not penalised. With
 * {@code outputs} = 1 the model is the binary sigmoid p(1 | x) = σ(w·x + b); with {@code outputs} = m it is the
 * softmax over m weight vectors. Parameters are laid out class by class as [w_c (d values), b_c]. The rows are
 * copied once into doubles; each evaluation runs {@link LinearKernels} block by block (blocks in parallel for
 * large sets) and adds the blocks' sums in block order, so the value does not depend on the thread count.
 */
final class LogisticObjective implements Lbfgs.Objective {
    private final double[] x;
    private final int n;
    private final int d;
    private final int[] labels;
    private final int outputs;
    private final double c;
    /** Per block: its logits (then residuals), its rows' log-normalisers, its gradient and its loss. */
    private final double[][] residuals;
    private final double[][] normalisers;
    private final double[][] gradients;
    private final double[] losses;

    /** @param labels each row's class in [0, m), where m = 2 if outputs = 1, else outputs */
    LogisticObjective(float[] x, int d, int[] rows, int[] labels, int outputs, double c) {
        this.n = rows.length;
        this.x = new double[Math.multiplyExact(n, d)];
        LinearKernels.gather(x, d, rows, 0, n, this.x);
        this.d = d;
        this.labels = labels;
        this.outputs = outputs;
        this.c = c;
        int blocks = LinearKernels.blocks(n);
        this.residuals = new double[blocks][LinearKernels.BLOCK * outputs];
        this.normalisers = new double[blocks][LinearKernels.BLOCK];
        this.gradients = new double[blocks][parameters()];
        this.losses = new double[blocks];
    }

    int parameters() {
        return outputs * (d + 1);
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        LinearKernels.forEachBlock(n, 2L * parameters(), b -> losses[b] = block(b, w));
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int b = 0; b < losses.length; b++) {
            loss += losses[b];
            LinearKernels.axpy(1, gradients[b], gradient);
        }
        double penalty = 0;
        for (int k = 0; k < outputs; k++) {
            int base = k * (d + 1);
            for (int j = 0; j < d; j++) {
                penalty += w[base + j] * w[base + j];
                gradient[base + j] += w[base + j] / c;
            }
        }
        return loss + penalty / (2 * c);
    }

    /** The log-loss of block b's rows; writes their gradient (without the penalty) into gradients[b]. */
    private double block(int b, double[] w) {
        int from = b * LinearKernels.BLOCK;
        int rows = Math.min(LinearKernels.BLOCK, n - from);
        double[] r = residuals[b];
        LinearKernels.logits(w, outputs, x, from * d, rows, d, r);
        double loss = 0;
        if (outputs == 1) {
            for (int i = 0; i < rows; i++) {
                int y = labels[from + i];
                double z = r[i];
                // -log σ(z) = log(1 + e^-z) for y = 1; -log(1 - σ(z)) = log(1 + e^z) for y = 0, computed stably
                double signed = y == 1 ? -z : z;
                loss += signed > 0 ? signed + Math.log1p(Math.exp(-signed)) : Math.log1p(Math.exp(signed));
                r[i] = LogisticModel.sigmoid(z) - y;
            }
        } else {
            double[] logSum = normalisers[b];
            for (int i = 0; i < rows; i++) { // -log p(y|x) = log Σ exp z - z_y: the logit of y, before softmax
                loss -= r[i * outputs + labels[from + i]];
            }
            LinearKernels.softmax(r, rows, outputs, logSum);
            for (int i = 0; i < rows; i++) {
                loss += logSum[i];
                r[i * outputs + labels[from + i]] -= 1;
            }
        }
        double[] g = gradients[b];
        Arrays.fill(g, 0);
        LinearKernels.addGradient(r, outputs, x, from * d, rows, d, g);
        return loss;
    }
}
