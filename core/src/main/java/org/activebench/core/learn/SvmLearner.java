package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.classification.Classifier;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * SVM with an RBF kernel, k(x, z) = exp(-gamma·||x - z||²), and Platt scaling to turn decision values into
 * probabilities. Several classes: one-vs-rest, one Platt-scaled binary SVM per class, the k probabilities
 * normalised to sum 1. The binary machines are trained here one after another (not with Smile's parallel
 * one-vs-rest) because Smile's solver draws permutations from a per-thread generator that only a
 * {@link MathEx#setSeed} on the training thread makes reproducible.
 */
final class SvmLearner extends SmileLearner {
    private final double c;
    private final double gamma;
    private final double tolerance;
    private final int epochs;

    /** @param gamma the RBF width; 0 for 1/d (scikit-learn's "scale" on standardised features) */
    SvmLearner(double c, double gamma, double tolerance, int epochs) {
        this.c = c;
        this.gamma = gamma;
        this.tolerance = tolerance;
        this.epochs = epochs;
    }

    /** Extra rows only: Smile's SVM takes no per-row C. */
    @Override
    public java.util.Set<TrainingSet.Feature> honours() {
        return java.util.EnumSet.of(TrainingSet.Feature.EXTRA_ROWS);
    }

    @Override
    Classifier<double[]> fitSmile(double[][] x, int[] y, double[] w, long seed) {
        double g = gamma > 0 ? gamma : 1.0 / x[0].length;
        GaussianKernel kernel = new GaussianKernel(Math.sqrt(1 / (2 * g))); // Smile: exp(-||x-z||² / (2 sigma²))
        var options = new SVM.Options(c, tolerance, epochs);
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        SplittableRandom random = new SplittableRandom(seed);
        // With two classes a single machine separates them; column 0 is then 1 - p(class 1).
        int machines = classes.length == 2 ? 1 : classes.length;
        SVM<double[]>[] svms = newArray(machines);
        PlattScaling[] platt = new PlattScaling[machines];
        for (int m = 0; m < machines; m++) {
            int positive = classes[classes.length == 2 ? 1 : m];
            int[] signs = Arrays.stream(y).map(label -> label == positive ? 1 : -1).toArray();
            MathEx.setSeed(random.nextLong());
            svms[m] = SVM.fit(x, signs, kernel, options);
            platt[m] = PlattScaling.fit(svms[m], x, signs);
        }
        return new OneVersusRest(svms, platt, classes);
    }

    @SuppressWarnings("unchecked")
    private static SVM<double[]>[] newArray(int n) {
        return (SVM<double[]>[]) new SVM[n];
    }

    /** Platt-scaled binary machines; with one machine it is the binary case. */
    private static final class OneVersusRest extends PosteriorClassifier {
        private final SVM<double[]>[] svms;
        private final PlattScaling[] platt;

        OneVersusRest(SVM<double[]>[] svms, PlattScaling[] platt, int[] classes) {
            super(classes);
            this.svms = svms;
            this.platt = platt;
        }

        @Override
        void posterior(double[] x, double[] posterior) {
            if (svms.length == 1) {
                posterior[1] = platt[0].scale(svms[0].score(x));
                posterior[0] = 1 - posterior[1];
                return;
            }
            double sum = 0;
            for (int m = 0; m < svms.length; m++) {
                posterior[m] = platt[m].scale(svms[m].score(x));
                sum += posterior[m];
            }
            for (int m = 0; m < svms.length; m++) {
                posterior[m] /= sum;
            }
        }
    }

    /** Declares {@code svm}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Double> C = ParamSpec.realAbove("C", 1.0, 0, 1e12, "soft-margin penalty");
        static final ParamSpec<Double> GAMMA = ParamSpec.real("gamma", 0, 0, 1e12, "kernel width in exp(-gamma||x-z||^2); 0 = 1/d");
        static final ParamSpec<Double> TOLERANCE = ParamSpec.realAbove("tolerance", 1e-3, 0, 1, "solver tolerance");
        static final ParamSpec<Integer> EPOCHS = ParamSpec.integer("epochs", 1, 1, 1000, "passes of the solver over the data");

        @Override
        public String name() {
            return "svm";
        }

        @Override
        public String description() {
            return "RBF-kernel SVM with Platt scaling, one-vs-rest for more than two classes";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(C, GAMMA, TOLERANCE, EPOCHS);
        }

        @Override
        public Learner create(Parameters p) {
            return new SvmLearner(p.get(C), p.get(GAMMA), p.get(TOLERANCE), p.get(EPOCHS));
        }
    }
}
