package org.activebench.core.train;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * mixup (Zhang et al., ICLR 2018): each copy of labelled row i mixes it with a labelled row j drawn uniformly, x = λ
 * x_i + (1 − λ) x_j, λ ~ Beta(α, α). Its soft label λ·y_i + (1 − λ)·y_j enters a learner as two extra rows at the
 * mixed point, of label y_i and weight λ·w and of label y_j and weight (1 − λ)·w, whose weighted log-loss is mixup's
 * cross-entropy exactly.
 */
public final class Mixup implements AugmenterProvider {
    static final ParamSpec<Integer> COPIES = ParamSpec.integer("copies", 1, 1, 100, "mixed points per labelled row");
    static final ParamSpec<Double> ALPHA = ParamSpec.realAbove("alpha", 0.2, 0, 100, "α of the Beta(α, α) mixing weight");
    static final ParamSpec<Double> WEIGHT = ParamSpec.realAbove("weight", 1.0, 0, 1e6, "weight w of each mixed point");

    @Override
    public String name() {
        return "mixup";
    }

    @Override
    public String description() {
        return "λ x_i + (1 − λ) x_j, λ ~ Beta(α, α), as two rows of labels y_i and y_j weighing λ and 1 − λ (Zhang et al. 2018)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(COPIES, ALPHA, WEIGHT);
    }

    @Override
    public Augmenter create(Parameters params) {
        int copies = params.get(COPIES);
        double alpha = params.get(ALPHA);
        double weight = params.get(WEIGHT);
        return context -> {
            int n = context.set().rows().length;
            int d = context.set().d();
            int[] y = context.set().labels();
            float[] x = new float[2 * n * copies * d];
            int[] labels = new int[2 * n * copies];
            double[] weights = new double[2 * n * copies];
            for (int i = 0; i < n; i++) {
                float[] own = context.row(i);
                SplittableRandom random = new SplittableRandom(context.rowSeed(i));
                BetaDistribution beta = new BetaDistribution(new Well19937c(random.nextLong()), alpha, alpha);
                for (int c = 0; c < copies; c++) {
                    int partner = random.nextInt(n);
                    float[] other = context.row(partner);
                    double lambda = beta.sample();
                    int e = 2 * (i * copies + c);
                    for (int j = 0; j < d; j++) {
                        float mixed = (float) (lambda * own[j] + (1 - lambda) * other[j]);
                        x[e * d + j] = mixed;
                        x[(e + 1) * d + j] = mixed;
                    }
                    labels[e] = y[i];
                    labels[e + 1] = y[partner];
                    weights[e] = lambda * weight;
                    weights[e + 1] = (1 - lambda) * weight;
                }
            }
            return new Augmenter.Augmented(x, labels, weights);
        };
    }
}
