package org.activebench.core.learn;

import java.util.Arrays;

/**
 * The standard L2-regularised logistic-regression objective over m classes (as in LIBLINEAR and scikit-learn):
 * <pre>  f(W, b) = Σ_i -log p(y_i | x_i) + ||W||² / (2C)</pre>
 * summed (not averaged) over the rows, so C means what it means there; intercepts are not penalised. With
 * {@code outputs} = 1 the model is the binary sigmoid p(1 | x) = σ(w·x + b); with {@code outputs} = m it is the
 * softmax over m weight vectors. Parameters are laid out class by class as [w_c (d values), b_c]. Features are
 * read as float, everything else is double.
 */
final class LogisticObjective implements Lbfgs.Objective {
    private final float[] x;
    private final int d;
    private final int[] rows;
    private final int[] labels;
    private final int outputs;
    private final double c;
    private final double[] logits;

    /** @param labels each row's class in [0, m), where m = 2 if outputs = 1, else outputs */
    LogisticObjective(float[] x, int d, int[] rows, int[] labels, int outputs, double c) {
        this.x = x;
        this.d = d;
        this.rows = rows;
        this.labels = labels;
        this.outputs = outputs;
        this.c = c;
        this.logits = new double[outputs];
    }

    int parameters() {
        return outputs * (d + 1);
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int r = 0; r < rows.length; r++) {
            int offset = rows[r] * d;
            LogisticModel.logits(w, x, offset, d, outputs, logits);
            int y = labels[r];
            if (outputs == 1) {
                double z = logits[0];
                // -log σ(z) = log(1 + e^-z) for y = 1; -log(1 - σ(z)) = log(1 + e^z) for y = 0, computed stably
                double signed = y == 1 ? -z : z;
                loss += signed > 0 ? signed + Math.log1p(Math.exp(-signed)) : Math.log1p(Math.exp(signed));
                addRow(gradient, 0, offset, LogisticModel.sigmoid(z) - y);
            } else {
                double logSum = LogisticModel.logSumExp(logits);
                loss += logSum - logits[y];
                for (int k = 0; k < outputs; k++) {
                    addRow(gradient, k, offset, Math.exp(logits[k] - logSum) - (k == y ? 1 : 0));
                }
            }
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

    /** gradient[class k] += residual · [x_row, 1]. */
    private void addRow(double[] gradient, int k, int offset, double residual) {
        int base = k * (d + 1);
        for (int j = 0; j < d; j++) {
            gradient[base + j] += residual * x[offset + j];
        }
        gradient[base + d] += residual;
    }
}
