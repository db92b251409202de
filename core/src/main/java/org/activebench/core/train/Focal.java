package org.activebench.core.train;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * The focal loss's modulation (Lin et al., ICCV 2017) as row weights: w_i = (1 − p_i)^γ, p_i the previous model's
 * probability of the row's label, so rows the model already fits well count less. Before the first fit (no model)
 * every row weighs 1. A per-fit reweighting, not the focal loss inside the optimiser: the weights are fixed during
 * one fit, which keeps every learner's exact solver.
 */
public final class Focal implements WeightingProvider {
    static final ParamSpec<Double> GAMMA = ParamSpec.real("gamma", 2.0, 0, 10, "focusing exponent γ (0: uniform)");

    @Override
    public String name() {
        return "focal";
    }

    @Override
    public String description() {
        return "(1 − p)^γ of the previous model's probability p of the row's label (Lin et al. 2017)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(GAMMA);
    }

    @Override
    public Weighting create(Parameters params) {
        double gamma = params.get(GAMMA);
        return context -> {
            double[] w = new double[context.set().rows().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = context.model() == null ? 1 : Math.pow(1 - context.labelProbability(context.model(), i), gamma);
            }
            return w;
        };
    }
}
