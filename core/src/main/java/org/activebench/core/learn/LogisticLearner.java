package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
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

    /** Extra rows only: Smile's logistic regression takes no row weights. */
    @Override
    public java.util.Set<TrainingSet.Feature> honours() {
        return java.util.EnumSet.of(TrainingSet.Feature.EXTRA_ROWS);
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed) {
        return LogisticRegression.fit(x, y, options);
    }

    /** Declares {@code smile_logistic}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Double> LAMBDA = ParamSpec.real("lambda", 1.0, 0, 1e12, "penalty (lambda/2)||w||^2; for two classes 1/C");
        static final ParamSpec<Double> TOLERANCE = ParamSpec.realAbove("tolerance", 1e-5, 0, 1, "Smile's convergence tolerance");
        static final ParamSpec<Integer> MAX_ITERATIONS = ParamSpec.integer("maxIterations", 500, 1, 1_000_000, "Smile's iteration limit");

        @Override
        public String name() {
            return "smile_logistic";
        }

        @Override
        public String description() {
            return "Smile's L2 logistic regression, for comparison (no warm start)";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(LAMBDA, TOLERANCE, MAX_ITERATIONS);
        }

        @Override
        public Learner create(Parameters p) {
            return new LogisticLearner(p.get(LAMBDA), p.get(TOLERANCE), p.get(MAX_ITERATIONS));
        }
    }
}
