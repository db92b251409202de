package org.activebench.strategies;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.spi.Parameters;

/**
 * BADGE (Ash et al., 2020): k-means++ seeding over gradient embeddings. For a softmax-linear model the gradient of
 * the loss at the predicted label with respect to the last layer is g(x) = (p - onehot(argmax p)) ⊗ x, so
 * ||g_i||² = ||a_i||²·||x_i||² and ⟨g_i, g_j⟩ = (a_i·a_j)(x_i·x_j) with a = p - onehot: distances between gradient
 * embeddings come from one k-vector and one d-vector per row, and the n x (k·d) embedding is never built. The
 * first pick is the largest gradient norm, each next one is drawn with probability proportional to its squared
 * distance to the nearest pick (seeded). The dot products use the scalar reference, so picks are the same on
 * every backend.
 */
final class Badge implements QueryStrategy {
    private static final ScoreKernels REFERENCE = new ScalarKernels();

    @Override
    public int[] select(QueryContext context, int batch) {
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        int k = context.k();
        int d = context.d();
        float[] a = context.probabilities().clone();
        int[] predicted = new int[n];
        context.kernels().argmax(a, n, k, predicted);
        float[] x = context.trial().featuresOf(unlabelled);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            a[i * k + predicted[i]] -= 1f;
            norm[i] = squaredNorm(a, i * k, k) * squaredNorm(x, i * d, d);
        }
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        float[] dots = new float[n];
        SplittableRandom random = new SplittableRandom(context.seed());
        int[] picks = new int[batch];
        boolean[] chosen = new boolean[n];
        int pick = largest(norm, context.tieBreak(0));
        for (int j = 0; j < batch; j++) {
            picks[j] = pick;
            chosen[pick] = true;
            REFERENCE.dot(x, n, d, x, pick * d, dots);
            for (int i = 0; i < n; i++) {
                double distance = norm[i] + norm[pick] - 2 * dot(a, i * k, a, pick * k, k) * dots[i];
                nearest[i] = chosen[i] ? 0 : Math.min(nearest[i], Math.max(0, distance));
            }
            if (j + 1 < batch) {
                pick = draw(nearest, chosen, random);
            }
        }
        return context.rowsAt(picks);
    }

    /** Index of the largest value; exact ties go by the trial's rule. */
    private static int largest(double[] values, Selection.TieBreak ties) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            best = Math.max(best, v);
        }
        double top = best;
        int[] tied = java.util.stream.IntStream.range(0, values.length).filter(i -> values[i] == top).toArray();
        return ties.choose(tied, 1)[0];
    }

    /** An index drawn with probability proportional to its weight; all weights zero: the lowest unchosen one. */
    private static int draw(double[] weights, boolean[] chosen, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total > 0) {
            double target = random.nextDouble() * total;
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                if (weights[i] > 0 && sum > target) {
                    return i;
                }
            }
        }
        for (int i = weights.length - 1; total > 0 && i >= 0; i--) {
            if (weights[i] > 0) {
                return i; // the rounding of the running sum fell past the end: the last row with weight
            }
        }
        for (int i = 0; i < chosen.length; i++) {
            if (!chosen[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no row left to draw");
    }

    private static double squaredNorm(float[] v, int offset, int length) {
        return dot(v, offset, v, offset, length);
    }

    private static double dot(float[] u, int uOffset, float[] v, int vOffset, int length) {
        double sum = 0;
        for (int j = 0; j < length; j++) {
            sum += (double) u[uOffset + j] * v[vOffset + j];
        }
        return sum;
    }

    /** Declares {@code badge}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "badge";
        }

        @Override
        public String description() {
            return "BADGE (Ash et al. 2020): k-means++ seeding on gradient embeddings";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new Badge();
        }
    }
}
