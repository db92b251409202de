package org.activebench.core.train;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Gaussian noise (for embeddings and tabular rows): each copy of labelled row i is x_i + σ · s ⊙ ε, ε ~ N(0, I), s
 * the features' standard deviations over the pool; it keeps the row's label and weighs {@code weight}.
 */
public final class Noise implements AugmenterProvider {
    static final ParamSpec<Integer> COPIES = ParamSpec.integer("copies", 1, 1, 100, "augmented copies per labelled row");
    static final ParamSpec<Double> SIGMA = ParamSpec.realAbove("sigma", 0.1, 0, 10, "noise in units of each feature's standard deviation");
    static final ParamSpec<Double> WEIGHT = ParamSpec.realAbove("weight", 1.0, 0, 1e6, "weight of each copy");

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public String description() {
        return "copies x_i + σ s ⊙ ε, ε ~ N(0, I), s the features' pool standard deviations, with the row's label";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(COPIES, SIGMA, WEIGHT);
    }

    @Override
    public Augmenter create(Parameters params) {
        int copies = params.get(COPIES);
        double sigma = params.get(SIGMA);
        double weight = params.get(WEIGHT);
        return context -> {
            int n = context.set().rows().length;
            int d = context.set().d();
            float[] x = new float[n * copies * d];
            int[] labels = new int[n * copies];
            double[] weights = new double[n * copies];
            for (int i = 0; i < n; i++) {
                float[] row = context.row(i);
                SplittableRandom random = new SplittableRandom(context.rowSeed(i));
                for (int c = 0; c < copies; c++) {
                    int e = i * copies + c;
                    for (int j = 0; j < d; j++) {
                        x[e * d + j] = (float) (row[j] + sigma * context.featureStd()[j] * random.nextGaussian());
                    }
                    labels[e] = context.set().labels()[i];
                    weights[e] = weight;
                }
            }
            return new Augmenter.Augmented(x, labels, weights);
        };
    }
}
