package org.activebench.core.train;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Active Bias (Chang, Learned-Miller & McCallum, NeurIPS 2017, "SGD with prediction variance"): a row's weight is
 * the standard deviation of the probability that past models gave its label, with the paper's small-sample
 * correction, plus a smoothing ε: w_i = sqrt(v_i + v_i² / (h_i − 1)) + ε, v_i the unbiased variance of the h_i ≥ 2
 * recorded probabilities. Rows the models keep changing their minds about (near the boundary, often mislabelled
 * ones excepted) count more. A row with fewer than two recorded probabilities gets the mean weight of the others
 * (1 if none has two).
 */
public final class ActiveBias implements WeightingProvider {
    static final ParamSpec<Double> EPSILON = ParamSpec.real("epsilon", 0.05, 0, 10, "smoothing ε added to every row's deviation");

    @Override
    public String name() {
        return "active_bias";
    }

    @Override
    public String description() {
        return "the standard deviation of the label's probability over past models, + ε (Chang et al. 2017)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(EPSILON);
    }

    @Override
    public Weighting create(Parameters params) {
        double epsilon = params.get(EPSILON);
        return new Weighting() {
            @Override
            public double[] weights(WeightingContext context) {
                List<double[]> history = context.history();
                double[] w = new double[history.size()];
                double sum = 0;
                int known = 0;
                for (int i = 0; i < w.length; i++) {
                    double[] p = history.get(i);
                    if (p.length < 2) {
                        w[i] = Double.NaN;
                        continue;
                    }
                    double mean = java.util.Arrays.stream(p).average().orElseThrow();
                    double v = java.util.Arrays.stream(p).map(x -> (x - mean) * (x - mean)).sum() / (p.length - 1);
                    w[i] = Math.sqrt(v + v * v / (p.length - 1)) + epsilon;
                    sum += w[i];
                    known++;
                }
                double fill = known == 0 ? 1 : sum / known;
                for (int i = 0; i < w.length; i++) {
                    if (Double.isNaN(w[i])) {
                        w[i] = fill;
                    }
                }
                return w;
            }

            @Override
            public boolean readsHistory() {
                return true;
            }
        };
    }
}
