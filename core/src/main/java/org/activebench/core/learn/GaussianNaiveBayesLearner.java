package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import java.util.Arrays;
import smile.classification.Classifier;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;
import smile.util.IntSet;

/**
 * Gaussian naive Bayes: per class and feature a normal fitted by maximum likelihood, class priors from the
 * labelled counts. As in scikit-learn, {@code varSmoothing} times the largest feature variance is added to every
 * variance so that a constant feature within a class does not give zero densities.
 */
final class GaussianNaiveBayesLearner extends SmileLearner {
    private final double varSmoothing;

    GaussianNaiveBayesLearner(double varSmoothing) {
        this.varSmoothing = varSmoothing;
    }

    /** Weighted moments: a row of weight w counts w times in its class's count, mean and variance, and in the priors. */
    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed) {
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        int d = x[0].length;
        int k = classes.length;
        double[] count = new double[k];
        double[][] mean = new double[k][d];
        double[][] var = new double[k][d];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            int c = Arrays.binarySearch(classes, y[i]);
            double weight = w == null ? 1 : w[i];
            count[c] += weight;
            total += weight;
            for (int j = 0; j < d; j++) {
                mean[c][j] += w == null ? x[i][j] : weight * x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mean[c][j] /= count[c];
            }
        }
        for (int i = 0; i < x.length; i++) {
            int c = Arrays.binarySearch(classes, y[i]);
            for (int j = 0; j < d; j++) {
                double dev = x[i][j] - mean[c][j];
                var[c][j] += w == null ? dev * dev : w[i] * dev * dev;
            }
        }
        double epsilon = varSmoothing * Math.max(maxFeatureVariance(x), Double.MIN_NORMAL);
        double[] priors = new double[k];
        Distribution[][] densities = new Distribution[k][d];
        for (int c = 0; c < k; c++) {
            priors[c] = count[c] / total;
            for (int j = 0; j < d; j++) {
                densities[c][j] = new GaussianDistribution(mean[c][j], Math.sqrt(var[c][j] / count[c] + epsilon));
            }
        }
        return new NaiveBayes(priors, densities, new IntSet(classes));
    }

    private static double maxFeatureVariance(double[][] x) {
        double max = 0;
        for (int j = 0; j < x[0].length; j++) {
            double sum = 0;
            double sq = 0;
            for (double[] row : x) {
                sum += row[j];
                sq += row[j] * row[j];
            }
            double m = sum / x.length;
            max = Math.max(max, sq / x.length - m * m);
        }
        return max;
    }

    /** Declares {@code naive_bayes}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Double> VAR_SMOOTHING = ParamSpec.real("varSmoothing", 1e-9, 0, 1, "share of the largest feature variance added to every variance");

        @Override
        public String name() {
            return "naive_bayes";
        }

        @Override
        public String description() {
            return "Gaussian naive Bayes, variance smoothing as in scikit-learn";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(VAR_SMOOTHING);
        }

        @Override
        public Learner create(Parameters p) {
            return new GaussianNaiveBayesLearner(p.get(VAR_SMOOTHING));
        }
    }
}
