package org.activebench.core.train;

import org.activebench.core.spi.Parameters;

/**
 * Inverse class frequency (scikit-learn's {@code class_weight="balanced"}): w_i = n / (K · n_{y_i}) over the n
 * labelled rows, K the classes among them, n_c the rows labelled c; every class then weighs n / K in all.
 */
public final class ClassBalanced implements WeightingProvider {
    @Override
    public String name() {
        return "class_balanced";
    }

    @Override
    public String description() {
        return "inverse class frequency among the labelled rows, n / (K n_y) (scikit-learn's balanced)";
    }

    @Override
    public Weighting create(Parameters params) {
        return context -> {
            int[] labels = context.set().labels();
            int[] count = new int[context.set().k()];
            for (int label : labels) {
                count[label]++;
            }
            long classes = java.util.Arrays.stream(count).filter(c -> c > 0).count();
            double[] w = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                w[i] = labels.length / (double) (classes * count[labels[i]]);
            }
            return w;
        };
    }
}
