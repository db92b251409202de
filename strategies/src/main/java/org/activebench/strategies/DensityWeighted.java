package org.activebench.strategies;

import java.util.List;
import java.util.Set;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Information density (Settles and Craven, 2008): entropy of the model's prediction times the row's mean
 * similarity to the unlabelled pool, raised to beta, so that outliers, however uncertain, wait. Similarity is
 * cosine mapped to [0, 1], (1 + cos)/2, because standardised features make plain cosine negative half the time.
 * The mean over the pool is linear in the unit vectors, mean_j (1 + u_i·u_j)/2 = (1 + u_i·ū)/2 with ū the mean
 * unit vector, so it costs O(n·d), never n x n; a zero row has similarity 1/2 to everything.
 */
record DensityWeighted(double beta) implements QueryStrategy {
    @Override
    public int[] select(QueryContext context, int batch) {
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        int k = context.k();
        float[] density = density(context.trial().featuresOf(unlabelled), n, context.d(), beta);
        float[] p = context.probabilities();
        float[] scores = new float[n];
        context.kernels().entropy(p, n, k, scores);
        for (int i = 0; i < n; i++) {
            scores[i] *= density[i];
        }
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, true, Selection.reference((reference, positions, out) -> {
            reference.entropy(Selection.rows(p, k, positions), positions.length, k, out);
            for (int j = 0; j < positions.length; j++) {
                out[j] *= density[positions[j]];
            }
        }), context.tieBreak(0)));
    }

    /** Each row's mean similarity to all n rows (itself included), raised to beta. */
    static float[] density(float[] x, int n, int d, double beta) {
        double[] norms = new double[n];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += (double) x[i * d + j] * x[i * d + j];
            }
            norms[i] = Math.sqrt(sum);
            if (norms[i] > 0) {
                for (int j = 0; j < d; j++) {
                    mean[j] += x[i * d + j] / norms[i] / n;
                }
            }
        }
        float[] density = new float[n];
        for (int i = 0; i < n; i++) {
            double cosine = 0;
            if (norms[i] > 0) {
                for (int j = 0; j < d; j++) {
                    cosine += x[i * d + j] / norms[i] * mean[j];
                }
            }
            density[i] = (float) Math.pow((1 + cosine) / 2, beta);
        }
        return density;
    }

    /** Declares {@code density_entropy}. */
    public static final class Provider implements StrategyProvider {
        static final ParamSpec<Double> BETA = ParamSpec.realAbove("beta", 1, 0, 100, "exponent of the density");

        @Override
        public String name() {
            return "density_entropy";
        }

        @Override
        public String description() {
            return "information density (Settles & Craven 2008): entropy x mean similarity to the pool ^ beta";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(BETA);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new DensityWeighted(p.get(BETA));
        }
    }
}
