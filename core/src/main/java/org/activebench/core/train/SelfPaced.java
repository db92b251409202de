package org.activebench.core.train;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Self-paced learning (Kumar, Packer & Koller, NeurIPS 2010), hard weights: a row counts (1) when the previous
 * model's log-loss on it, −ln p_i, is below the threshold λ_t = λ_0 · μ^t of fit t, else not (0); the threshold grows
 * each round, so easy rows come first and hard ones join later. Before the first fit, and in a round where no row is
 * under the threshold, every row weighs 1.
 */
public final class SelfPaced implements WeightingProvider {
    static final ParamSpec<Double> START = ParamSpec.realAbove("lambda", 0.5, 0, 1e6, "threshold λ_0 on the log-loss at the first reweighted fit");
    static final ParamSpec<Double> GROWTH = ParamSpec.real("growth", 1.3, 1, 100, "factor μ by which the threshold grows per round");

    @Override
    public String name() {
        return "self_paced";
    }

    @Override
    public String description() {
        return "rows whose log-loss is under λ_0 μ^t count, the others not: easy rows first (Kumar et al. 2010)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(START, GROWTH);
    }

    @Override
    public Weighting create(Parameters params) {
        double start = params.get(START);
        double growth = params.get(GROWTH);
        return context -> {
            double[] w = new double[context.set().rows().length];
            if (context.model() == null) {
                java.util.Arrays.fill(w, 1);
                return w;
            }
            double threshold = start * Math.pow(growth, context.round() - 1);
            boolean any = false;
            for (int i = 0; i < w.length; i++) {
                w[i] = -Math.log(context.labelProbability(context.model(), i)) < threshold ? 1 : 0;
                any |= w[i] > 0;
            }
            if (!any) {
                java.util.Arrays.fill(w, 1);
            }
            return w;
        };
    }
}
