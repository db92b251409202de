package org.activebench.core.train;

import java.util.Arrays;
import org.activebench.core.spi.Parameters;

/** Every row weight 1: training as without a weighting (the control). */
public final class Uniform implements WeightingProvider {
    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "every row 1: training without weights (the control)";
    }

    @Override
    public Weighting create(Parameters params) {
        return context -> {
            double[] ones = new double[context.set().rows().length];
            Arrays.fill(ones, 1);
            return ones;
        };
    }
}
