package org.activebench.core.learn;

import java.util.Arrays;
import java.util.Locale;
import org.activebench.core.ActiveBenchException;

/**
 * Logistic regression with the standard objective ({@link LogisticObjective}: summed log-loss + ||W||²/(2C),
 * intercepts free), fitted by L-BFGS until ||∇f||₂ <= tolerance · n (or until double precision allows no further
 * decrease); running out of iterations first is an error, not a silently approximate model. Two classes: the usual
 * sigmoid; more: softmax over all seen classes. A fit can start from an earlier model of the same classes (warm
 * start): the objective is strictly convex, so the optimum is the same, only the path is shorter.
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
    public String name() {
        return "logistic";
    }

    @Override
    public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
        return fit(x, d, rows, labels, k, seed, null);
    }

    @Override
    public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed, Model previous) {
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
        LogisticObjective objective = new LogisticObjective(x, d, rows, y, outputs, c);
        double[] start = previous instanceof LogisticModel m && Arrays.equals(m.classes(), classes) && m.d() == d
                ? m.w() : new double[objective.parameters()];
        Lbfgs.Result result = Lbfgs.minimize(objective, start, tolerance * rows.length, maxIterations);
        if (!result.converged() && result.iterations() >= maxIterations) { // a model short of the optimum is a wrong number
            throw new ActiveBenchException(String.format(Locale.ROOT, "learner.params.maxIterations: logistic did not converge"
                    + " in %d L-BFGS iterations on %d rows (||gradient|| = %.3g > tolerance x n = %.3g); raise maxIterations"
                    + " or tolerance", maxIterations, rows.length, result.gradientNorm(), tolerance * rows.length));
        }
        return new LogisticModel(result.w(), d, outputs, classes, k);
    }
}
