package org.activebench.core.learn;

import java.util.Arrays;
import smile.classification.Classifier;

/**
 * Adapts a Smile classifier that works on {@code double[]} rows. Smile codes the labels it was fitted on as
 * 0..k'-1; this maps its posteriors back to the data set's k classes, and answers for a one-class labelled set
 * without asking Smile (which rejects it). A training set's extra rows follow its rows; a subclass that honours
 * row weights says how in its {@link #fitSmile}, one that does not overrides {@link #honours}.
 */
abstract class SmileLearner implements Learner {

    /**
     * Fits on rows already converted to doubles; {@code y} holds at least two distinct classes.
     *
     * @param w per row its weight, or null: every row 1 (and the fit is the unweighted one, bit for bit); always
     *          null for a learner that does not honour weights
     */
    abstract Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed);

    @Override
    public final Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
        return fit(TrainingSet.of(x, d, rows, labels, k), seed, null);
    }

    @Override
    public java.util.Set<TrainingSet.Feature> honours() {
        return java.util.EnumSet.allOf(TrainingSet.Feature.class);
    }

    @Override
    public final Model fit(TrainingSet set, long seed, Model previous) {
        set.requireHonouredBy(honours(), "learner " + getClass().getSimpleName());
        int[] labels = set.allLabels();
        int first = labels[0];
        if (Arrays.stream(labels).allMatch(label -> label == first)) {
            return new ConstantModel(first, set.k());
        }
        int d = set.d();
        int[] rows = set.rows();
        double[][] rowsAsDoubles = new double[labels.length][];
        for (int i = 0; i < rows.length; i++) {
            rowsAsDoubles[i] = toDoubles(set.x(), rows[i], d, new double[d]);
        }
        for (int e = rows.length; e < labels.length; e++) {
            rowsAsDoubles[e] = toDoubles(set.extraX(), e - rows.length, d, new double[d]);
        }
        Classifier<double[]> classifier = fitSmile(rowsAsDoubles, labels, set.allWeights(), seed);
        return new SmileModel(classifier, classifier.classes(), set.k());
    }

    static double[] toDoubles(float[] x, int row, int d, double[] out) {
        for (int j = 0; j < d; j++) {
            out[j] = x[row * d + j];
        }
        return out;
    }

    /** A fitted Smile classifier whose posterior column j is data-set class {@code classes[j]}. */
    private record SmileModel(Classifier<double[]> classifier, int[] classes, int k) implements Model {

        @Override
        public void predictProba(float[] x, int d, int[] rows, float[] out) {
            double[] row = new double[d];
            double[] posterior = new double[classes.length];
            Arrays.fill(out, 0, rows.length * k, 0f);
            for (int i = 0; i < rows.length; i++) {
                Arrays.fill(posterior, 0);
                classifier.predict(toDoubles(x, rows[i], d, row), posterior);
                double sum = 0;
                for (double p : posterior) {
                    sum += p;
                }
                for (int j = 0; j < classes.length; j++) {
                    out[i * k + classes[j]] = (float) (posterior[j] / sum);
                }
            }
        }
    }
}
