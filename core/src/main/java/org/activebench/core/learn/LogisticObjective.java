package org.activebench.core.learn;

import java.util.Arrays;

/**
 * The standard L2-regularised logistic-regression objective over m classes (as in LIBLINEAR and scikit-learn):
 * <pre>  f(W, b) = Σ_i s_i · (-log p(y_i | x_i)) + ||W||² / (2C)</pre>
 * summed (not averaged) over the rows, so C means what it means there (a row of weight s_i counts as s_i copies of
 * it, as scikit-learn's sample_weight); intercepts are not penalised. With
 * {@code outputs} = 1 the model is the binary sigmoid p(1 | x) = σ(w·x + b); with {@code outputs} = m it is the
 * softmax over m weight vectors. Parameters are laid out class by class as [w_c (d values), b_c]. The rows are
 * copied once into doubles; each evaluation runs {@link LinearKernels} block by block (blocks in parallel for
 * large sets) and adds the blocks' sums in block order, so the value does not depend on the thread count.
 */
final class LogisticObjective implements NewtonCg.Objective {
    private final double[] x;
    private final int n;
    private final int d;
    private final int[] labels;
    /** Per row its weight s_i, or null: every row 1 (then no product with a weight is taken at all). */
    private final double[] rowWeights;
    private final int outputs;
    private final double c;
    /** Per block: its logits (then residuals), its rows' log-normalisers, its gradient and its loss. */
    private final double[][] residuals;
    private final double[][] normalisers;
    private final double[][] gradients;
    /** Per block: a direction's logits X·Vᵀ, for Hessian-vector products. */
    private final double[][] directions;
    private final double[] losses;
    /** Widest (d + 1) for block-Jacobi preconditioning; wider fits use the diagonal. */
    static final int BLOCK_JACOBI_WIDTH = 128;
    /** The preconditioner: the inverse of each output's block, or (wide fits) the Hessian's diagonal. */
    private double[][] inverses;
    private double[] diagonal;

    /** @param labels each row's class in [0, m), where m = 2 if outputs = 1, else outputs */
    LogisticObjective(float[] x, int d, int[] rows, int[] labels, int outputs, double c) {
        this(x, d, rows, new float[0], labels, null, outputs, c);
    }

    /**
     * @param extraX  rows that are not rows of x (augmented copies), row-major, after the {@code rows}
     * @param labels  each row's class in [0, m), the extra rows' last
     * @param weights each row's weight, the extra rows' last; null for all 1
     */
    LogisticObjective(float[] x, int d, int[] rows, float[] extraX, int[] labels, double[] weights, int outputs,
                      double c) {
        this.n = labels.length;
        this.x = new double[Math.multiplyExact(n, d)];
        LinearKernels.gather(x, d, rows, 0, rows.length, this.x);
        for (int i = 0; i < extraX.length; i++) {
            this.x[rows.length * d + i] = extraX[i];
        }
        this.d = d;
        this.labels = labels;
        this.rowWeights = weights;
        this.outputs = outputs;
        this.c = c;
        int blocks = LinearKernels.blocks(n);
        this.residuals = new double[blocks][LinearKernels.BLOCK * outputs];
        this.normalisers = new double[blocks][LinearKernels.BLOCK];
        this.gradients = new double[blocks][parameters()];
        this.directions = new double[blocks][LinearKernels.BLOCK * outputs];
        this.losses = new double[blocks];
    }

    int parameters() {
        return outputs * (d + 1);
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        LinearKernels.forEachBlock(n, 2L * parameters(), b -> losses[b] = block(b, w));
        double loss = 0;
        for (double blockLoss : losses) {
            loss += blockLoss;
        }
        return loss + blocksPlusPenalty(w, gradient) / (2 * c);
    }

    /**
     * out = the blocks' vectors ({@link #gradients}) added in block order, plus the penalty's v_w / C; returns
     * ||v_w||². The gradient at w and the Hessian times v both end so.
     */
    private double blocksPlusPenalty(double[] v, double[] out) {
        Arrays.fill(out, 0);
        for (double[] block : gradients) {
            LinearKernels.axpy(1, block, out);
        }
        double squares = 0;
        for (int k = 0; k < outputs; k++) {
            int base = k * (d + 1);
            for (int j = 0; j < d; j++) {
                squares += v[base + j] * v[base + j];
                out[base + j] += v[base + j] / c;
            }
        }
        return squares;
    }

    /**
     * {@code out = ∇²f(w) v} at the w of the last {@link #evaluate}, from its residuals r = p - onehot(y) (so p = r +
     * onehot(y)): per row, u = V·(x_i, 1); the loss's Hessian maps it to p ⊙ (u - p·u) for the softmax and to
     * p(1 - p)·u for the sigmoid, which goes back through Xᵀ; plus the penalty's v_w / C. Same kernels, blocks and
     * summation order as the gradient, so the product does not depend on the thread count either.
     */
    @Override
    public void hessianTimes(double[] v, double[] out) {
        LinearKernels.forEachBlock(n, 2L * parameters(), b -> hessianBlock(b, v));
        blocksPlusPenalty(v, out);
    }

    private void hessianBlock(int b, double[] v) {
        int from = b * LinearKernels.BLOCK;
        int rows = Math.min(LinearKernels.BLOCK, n - from);
        double[] u = directions[b];
        probabilityChange(b, v, u);
        weigh(from, rows, u);
        double[] g = gradients[b];
        Arrays.fill(g, 0);
        LinearKernels.addGradient(u, outputs, x, from * d, rows, d, g);
    }

    /** Multiplies each of the block's rows of per-output values by its row's weight (nothing when all are 1). */
    private void weigh(int from, int rows, double[] values) {
        if (rowWeights == null) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            for (int m = 0; m < outputs; m++) {
                values[i * outputs + m] *= rowWeights[from + i];
            }
        }
    }

    /**
     * Writes into {@code u} the first-order change of block b's probabilities along v, J·v: u = V·(x_i, 1), then
     * p(1 - p)·u for the sigmoid and p ⊙ (u - p·u) for the softmax. Its largest magnitude tells how far a step
     * moves the model's outputs.
     */
    private void probabilityChange(int b, double[] v, double[] u) {
        int from = b * LinearKernels.BLOCK;
        int rows = Math.min(LinearKernels.BLOCK, n - from);
        LinearKernels.logits(v, outputs, x, from * d, rows, d, u);
        if (outputs == 1) {
            for (int i = 0; i < rows; i++) {
                u[i] *= weight(from + i, 0);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int row = i * outputs;
            double pu = 0;
            for (int m = 0; m < outputs; m++) {
                pu += probability(from + i, m) * u[row + m];
            }
            for (int m = 0; m < outputs; m++) {
                u[row + m] = probability(from + i, m) * (u[row + m] - pu);
            }
        }
    }

    /** max over rows and classes of |J·step|: the largest first-order change of a fitted row's probability. */
    @Override
    public double outputChange(double[] step) {
        double[] largest = new double[directions.length];
        LinearKernels.forEachBlock(n, parameters(), b -> {
            double[] u = directions[b];
            probabilityChange(b, step, u);
            int values = Math.min(LinearKernels.BLOCK, n - b * LinearKernels.BLOCK) * outputs;
            double max = 0;
            for (int i = 0; i < values; i++) {
                max = Math.max(max, Math.abs(u[i]));
            }
            largest[b] = max;
        });
        return Arrays.stream(largest).max().orElse(0);
    }

    /**
     * Block-Jacobi preconditioning: M is the Hessian with the blocks between different outputs dropped, one
     * (d+1) x (d+1) block per output, A_c = Σ_i p_ic(1 - p_ic)·(x_i, 1)(x_i, 1)ᵀ + I_w / C, taken at the point of
     * the last {@link #refreshPreconditioner} (any fixed SPD M keeps CG exact; one close to H makes it short; for
     * the sigmoid it is H itself there), each block factored by Cholesky and inverted. A block costs about (d+1)/4
     * Hessian-vector products to build, so when d + 1 exceeds {@link #BLOCK_JACOBI_WIDTH} only its diagonal is kept
     * (Jacobi).
     */
    @Override
    public void refreshPreconditioner() {
        int q = d + 1;
        if (q > BLOCK_JACOBI_WIDTH) {
            diagonal = jacobi();
            return;
        }
        inverses = new double[outputs][];
        LinearKernels.forEach(outputs, (long) n * q * q / 2, m -> inverses[m] = inverse(cholesky(block(m)), q));
    }

    /** Begins with a block-Jacobi preconditioner of an earlier fit of the same shape (a warm start's). */
    void startFrom(double[][] blockInverses) {
        inverses = blockInverses;
    }

    /** The block-Jacobi inverses in use, or null (wide fits, or none built yet). */
    double[][] blockInverses() {
        return inverses;
    }

    @Override
    public boolean preconditioned() {
        return inverses != null || diagonal != null;
    }

    @Override
    public void precondition(double[] r, double[] z) {
        int q = d + 1;
        if (q > BLOCK_JACOBI_WIDTH) {
            for (int i = 0; i < r.length; i++) {
                z[i] = r[i] / diagonal[i];
            }
            return;
        }
        for (int m = 0; m < outputs; m++) { // a dense product vectorises; two triangular solves do not
            for (int j = 0; j < q; j++) {
                z[m * q + j] = LinearKernels.dot(inverses[m], j * q, r, m * q, q);
            }
        }
    }

    /** p_im of row i and output m at the last evaluation, from its residual r = p - onehot(y). */
    private double probability(int i, int m) {
        return residuals[i / LinearKernels.BLOCK][(i % LinearKernels.BLOCK) * outputs + m]
                + (outputs == 1 ? labels[i] : labels[i] == m ? 1 : 0);
    }

    /** p_im(1 - p_im): the loss's curvature along row i's logit m (per unit of the row's weight). */
    private double weight(int i, int m) {
        double p = probability(i, m);
        return p * (1 - p);
    }

    /** s_i p_im(1 - p_im): what row i adds to the Hessian's block of output m. */
    private double curvature(int i, int m) {
        return rowWeights == null ? weight(i, m) : rowWeights[i] * weight(i, m);
    }

    /** The Hessian's diagonal, floored like a Cholesky pivot. */
    private double[] jacobi() {
        int q = d + 1;
        double[] diag = new double[parameters()];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < outputs; m++) {
                double weight = curvature(i, m);
                for (int j = 0; j < d; j++) {
                    diag[m * q + j] += weight * x[i * d + j] * x[i * d + j];
                }
                diag[m * q + d] += weight;
            }
        }
        for (int m = 0; m < outputs; m++) {
            for (int j = 0; j < d; j++) {
                diag[m * q + j] += 1 / c;
            }
        }
        double largest = 0;
        for (double v : diag) {
            largest = Math.max(largest, v);
        }
        for (int i = 0; i < diag.length; i++) {
            diag[i] = Math.max(diag[i], 1e-12 * largest);
        }
        return diag;
    }

    /** The lower triangle of output m's block of the Hessian, row-major q x q. */
    private double[] block(int m) {
        int q = d + 1;
        double[] a = new double[q * q];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = curvature(i, m);
        }
        LinearKernels.addWeightedGram(x, d, n, weights, a);
        for (int j = 0; j < d; j++) {
            a[j * q + j] += 1 / c;
        }
        return a;
    }

    /** In place: the Cholesky factor L (lower, row-major) of the SPD matrix whose lower triangle is given. */
    private static double[] cholesky(double[] a) {
        int q = (int) Math.round(Math.sqrt(a.length));
        double largest = 0;
        for (int j = 0; j < q; j++) {
            largest = Math.max(largest, a[j * q + j]);
        }
        for (int j = 0; j < q; j++) {
            for (int i = j; i < q; i++) {
                double sum = a[i * q + j] - LinearKernels.dot(a, i * q, a, j * q, j);
                if (i == j) { // a flat intercept (all rows sure of this class) gets a floor, not a zero pivot
                    a[j * q + j] = Math.sqrt(Math.max(sum, 1e-12 * largest));
                } else {
                    a[i * q + j] = sum / a[j * q + j];
                }
            }
        }
        return a;
    }

    /**
     * (L Lᵀ)⁻¹ in full, row-major q x q, from the lower Cholesky factor L: U = L⁻ᵀ (upper) by substitution, then
     * U Uᵀ; both as dot products of contiguous rows.
     */
    private static double[] inverse(double[] l, int q) {
        double[] u = new double[q * q];
        for (int j = 0; j < q; j++) {
            u[j * q + j] = 1 / l[j * q + j];
            for (int i = j + 1; i < q; i++) { // (L⁻¹)_ij = -Σ_{j≤k<i} L_ik (L⁻¹)_kj / L_ii, stored transposed
                u[j * q + i] = -LinearKernels.dot(l, i * q + j, u, j * q + j, i - j) / l[i * q + i];
            }
        }
        double[] inverse = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = LinearKernels.dot(u, i * q + i, u, j * q + i, q - i);
                inverse[i * q + j] = sum;
                inverse[j * q + i] = sum;
            }
        }
        return inverse;
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
                double rowLoss = Math.max(signed, 0) + Math.log1p(Exp.exp(-Math.abs(signed)));
                loss += rowWeights == null ? rowLoss : rowWeights[from + i] * rowLoss;
                r[i] = LogisticModel.sigmoid(z) - y;
            }
        } else if (rowWeights == null) {
            double[] logSum = normalisers[b];
            for (int i = 0; i < rows; i++) { // -log p(y|x) = log Σ exp z - z_y: the logit of y, before softmax
                loss -= r[i * outputs + labels[from + i]];
            }
            LinearKernels.softmax(r, rows, outputs, logSum);
            for (int i = 0; i < rows; i++) {
                loss += logSum[i];
                r[i * outputs + labels[from + i]] -= 1;
            }
        } else {
            double[] logSum = normalisers[b];
            double[] logitOfLabel = new double[rows];
            for (int i = 0; i < rows; i++) {
                logitOfLabel[i] = r[i * outputs + labels[from + i]];
            }
            LinearKernels.softmax(r, rows, outputs, logSum);
            for (int i = 0; i < rows; i++) {
                loss += rowWeights[from + i] * (logSum[i] - logitOfLabel[i]);
                r[i * outputs + labels[from + i]] -= 1;
            }
        }
        double[] g = gradients[b];
        Arrays.fill(g, 0);
        if (rowWeights == null) {
            LinearKernels.addGradient(r, outputs, x, from * d, rows, d, g);
        } else { // the residuals stay unweighted: they give the probabilities back (probability)
            double[] weighted = directions[b];
            System.arraycopy(r, 0, weighted, 0, rows * outputs);
            weigh(from, rows, weighted);
            LinearKernels.addGradient(weighted, outputs, x, from * d, rows, d, g);
        }
        return loss;
    }
}
