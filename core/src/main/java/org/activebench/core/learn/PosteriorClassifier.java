package org.activebench.core.learn;

import smile.classification.Classifier;

/** A soft Smile classifier over plain rows defined by its posterior alone; the hard prediction is its argmax. */
abstract class PosteriorClassifier implements Classifier<double[]> {
    private final int[] classes;

    /** @param classes the label of each posterior column */
    PosteriorClassifier(int[] classes) {
        this.classes = classes;
    }

    /** Fills {@code posterior} (one entry per class) for row {@code x}. */
    abstract void posterior(double[] x, double[] posterior);

    @Override
    public final int numClasses() {
        return classes.length;
    }

    @Override
    public final int[] classes() {
        return classes;
    }

    @Override
    public final boolean isSoft() {
        return true;
    }

    @Override
    public final int predict(double[] x) {
        return predict(x, new double[classes.length]);
    }

    @Override
    public final int predict(double[] x, double[] posterior) {
        posterior(x, posterior);
        int best = 0;
        for (int j = 1; j < posterior.length; j++) {
            if (posterior[j] > posterior[best]) {
                best = j;
            }
        }
        return classes[best];
    }
}
