package org.activebench.core.learn;

import java.util.List;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.kernels.KernelProvider;

import java.util.Arrays;
import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/**
 * Logistic regression with the standard objective ({@link LogisticObjective}: summed log-loss + ||W||²/(2C),
 * intercepts free), fitted by preconditioned Newton-CG ({@link NewtonCg}) until a full Newton step moves no
 * labelled row's probability by more than the tolerance (or until double precision allows no further progress);
 * running out of iterations first is an error, not a silently approximate model. Two classes: the usual sigmoid;
 * more: softmax over all seen classes. A fit can start from an earlier model of the same classes (warm start): the
 * objective is strictly convex, so the optimum is the same, only the path is shorter.
 */
final class L2LogisticLearner implements Learner {
    private final double c;
    private final double tolerance;
    private final int maxIterations;

    L2LogisticLearner(double c, double tolerance, int maxIterations) {
        this.c = c;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
        return fit(x, d, rows, labels, k, seed, null);
    }

    @Override
    public boolean warmStarts() {
        return true;
    }

    @Override
    public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed, Model previous) {
        return fit(TrainingSet.of(x, d, rows, labels, k), seed, previous);
    }

    /** Weights and extra rows enter the objective: a row of weight s counts as s copies of it. */
    @Override
    public java.util.Set<TrainingSet.Feature> honours() {
        return java.util.EnumSet.allOf(TrainingSet.Feature.class);
    }

    @Override
    public Model fit(TrainingSet set, long seed, Model previous) {
        int d = set.d();
        int k = set.k();
        int[] labels = set.allLabels();
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        if (classes.length == 1) {
            return new ConstantModel(classes[0], k);
        }
        int[] index = new int[k];
        for (int m = 0; m < classes.length; m++) {
            index[classes[m]] = m;
        }
        int[] y = Arrays.stream(labels).map(label -> index[label]).toArray();
        int outputs = classes.length == 2 ? 1 : classes.length;
        LogisticObjective objective = new LogisticObjective(set.x(), d, set.rows(), set.extraX(), y, set.allWeights(),
                outputs, c);
        LogisticModel warm = previous instanceof LogisticModel m && Arrays.equals(m.classes(), classes) && m.d() == d ? m : null;
        double[] start = warm != null ? warm.w() : new double[objective.parameters()];
        if (warm != null && warm.preconditioner() != null) {
            objective.startFrom(warm.preconditioner());
        }
        NewtonCg.Result result = NewtonCg.minimize(objective, start, tolerance, maxIterations);
        if (!result.converged() && result.iterations() >= maxIterations) { // a model short of the optimum is a wrong number
            throw new ActiveBenchException(String.format(Locale.ROOT, "learner.params.maxIterations: logistic did not converge"
                    + " in %d Newton iterations on %d rows (last step moved a probability by %.3g > tolerance %.3g);"
                    + " raise maxIterations or tolerance", maxIterations, labels.length, result.lastChange(), tolerance));
        }
        return new LogisticModel(result.w(), d, outputs, classes, k, objective.blockInverses());
    }

    /** Declares {@code logistic}. */
    public static final class Provider implements LearnerProvider {
        static final ParamSpec<Double> C = ParamSpec.realAbove("C", 1.0, 0, 1e12, "inverse penalty: sum of log-losses + ||W||^2/(2C), as scikit-learn's C");
        static final ParamSpec<Double> TOLERANCE = ParamSpec.real("tolerance", 1e-8, 1e-15, 0.1, "stop once a Newton step moves no labelled probability by more");
        static final ParamSpec<Integer> MAX_ITERATIONS = ParamSpec.integer("maxIterations", 100, 1, 100_000, "Newton steps before the fit is an error");

        @Override
        public String name() {
            return "logistic";
        }

        @Override
        public String description() {
            return "L2 logistic regression fitted exactly (Newton-CG), sigmoid or softmax; the default";
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(C, TOLERANCE, MAX_ITERATIONS);
        }

        @Override
        public void check(Parameters p, String key) {
            String noVectors = KernelProvider.panamaUnavailable();
            if (noVectors != null) {
                throw new ActiveBenchException(key + ": learner 'logistic' runs on the Vector API, but " + noVectors);
            }
        }

        @Override
        public Learner create(Parameters p) {
            return new L2LogisticLearner(p.get(C), p.get(TOLERANCE), p.get(MAX_ITERATIONS));
        }
    }
}
