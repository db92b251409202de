package org.activebench.core.learn;

import smile.classification.Classifier;
import smile.classification.LogisticRegression;

/**
 * Smile's L2-regularised logistic regression (binomial for 2 classes, multinomial otherwise). Smile minimises
 * the summed negative log-likelihood plus (lambda/2)·||w||², so for two classes lambda = 1/C of the usual
 * formulation; the multinomial model fixes one class's weights at 0, so its penalty is not the symmetric one.
 */
final class LogisticLearner extends SmileLearner {
    private final LogisticRegression.Options options;

    LogisticLearner(double lambda, double tolerance, int maxIterations) {
        this.options = new LogisticRegression.Options(lambda, tolerance, maxIterations);
    }

    @Override
    public String name() {
        return "smile_logistic";
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, long seed) {
        return LogisticRegression.fit(x, y, options);
    }
}
