package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.kernels.ChildJvm;
import org.activebench.core.split.Standardizer;
import org.junit.jupiter.api.Test;

/**
 * The fitted solution is the optimum of the standard objective: its gradient, recomputed here independently in
 * double, vanishes; warm and cold starts agree; the binary sigmoid equals the two-class softmax at half the C
 * (the softmax pair splits one weight vector v into ±v/2, whose penalty is ||v||²/(4C)).
 */
class L2LogisticLearnerTest {
    /** 100x below the default: fits must be optima, not merely close; much lower meets the rounding of f (see Lbfgs). */
    private static final double TOLERANCE = 1e-7;
    private static final Dataset DIGITS = DatasetLoader.bundled("digits");
    private static final float[] X = standardised(DIGITS);
    private static final int D = DIGITS.dimension();

    private static int[] digitLabels(int[] rows) {
        return Arrays.stream(rows).map(r -> DIGITS.y()[r]).toArray();
    }

    private static float[] standardised(Dataset data) {
        return Standardizer.standardize(data.x(), data.dimension(), IntStream.range(0, data.size()).toArray());
    }

    /**
     * ||∇f||₂ of Σ -log p(y|x) + ||W||²/(2C) at the model's parameters, from scratch: plain double loops, no
     * kernel, no float probabilities (their rounding alone would exceed the tolerance on a few dozen rows).
     */
    private static double gradientNorm(LogisticModel model, float[] x, int d, int[] rows, int[] labels, double c) {
        double[] w = model.w();
        int outputs = model.outputs();
        int[] classes = model.classes();
        double[] gradient = new double[w.length];
        double[] z = new double[outputs];
        for (int r = 0; r < rows.length; r++) {
            for (int o = 0; o < outputs; o++) {
                z[o] = w[o * (d + 1) + d];
                for (int j = 0; j < d; j++) {
                    z[o] += w[o * (d + 1) + j] * x[rows[r] * d + j];
                }
            }
            double max = Arrays.stream(z).max().orElseThrow();
            double sum = Arrays.stream(z).map(v -> Math.exp(v - max)).sum();
            for (int o = 0; o < outputs; o++) {
                // binary: p(classes[1]) = σ(z); otherwise the softmax of the m logits
                double p = outputs == 1 ? 1 / (1 + Math.exp(-z[0])) : Math.exp(z[o] - max) / sum;
                double residual = p - (labels[r] == classes[outputs == 1 ? 1 : o] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[o * (d + 1) + j] += residual * x[rows[r] * d + j];
                }
                gradient[o * (d + 1) + d] += residual;
            }
        }
        double norm = 0;
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j <= d; j++) {
                double g = gradient[o * (d + 1) + j] + (j < d ? w[o * (d + 1) + j] / c : 0);
                norm += g * g;
            }
        }
        return Math.sqrt(norm);
    }

    @Test
    void multinomialFitsAreOptimaOfTheStandardObjectiveWarmOrCold() {
        L2LogisticLearner learner = new L2LogisticLearner(1.0, TOLERANCE, 10_000);
        int[] small = IntStream.range(0, 300).toArray();
        int[] large = IntStream.range(0, 500).toArray();
        int[] ySmall = digitLabels(small);
        int[] yLarge = digitLabels(large);
        LogisticModel first = (LogisticModel) learner.fit(X, D, small, ySmall, 10, 1);
        LogisticModel cold = (LogisticModel) learner.fit(X, D, large, yLarge, 10, 1);
        LogisticModel warm = (LogisticModel) learner.fit(X, D, large, yLarge, 10, 1, first);
        for (LogisticModel model : new LogisticModel[] {first, cold, warm}) {
            int n = model == first ? 300 : 500;
            double norm = gradientNorm(model, X, D, model == first ? small : large, model == first ? ySmall : yLarge, 1.0);
            assertTrue(norm <= 2 * TOLERANCE * n, "gradient norm " + norm);
        }
        float[] pCold = new float[1797 * 10];
        float[] pWarm = new float[1797 * 10];
        int[] all = IntStream.range(0, 1797).toArray();
        cold.predictProba(X, D, all, pCold);
        warm.predictProba(X, D, all, pWarm);
        for (int i = 0; i < all.length; i++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                assertEquals(pCold[i * 10 + c], pWarm[i * 10 + c], 1e-4, "row " + i);
                sum += pCold[i * 10 + c];
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void binarySigmoidEqualsTwoClassSoftmaxAtHalfCAndUnseenClassesGetZero() {
        Dataset cancer = DatasetLoader.bundled("breast_cancer");
        float[] x = standardised(cancer);
        int d = cancer.dimension();
        int[] rows = IntStream.range(0, 200).toArray();
        int[] labels = Arrays.stream(rows).map(r -> cancer.y()[r]).toArray();
        LogisticModel binary = (LogisticModel) new L2LogisticLearner(1.0, TOLERANCE, 10_000).fit(x, d, rows, labels, 3, 1);
        assertEquals(1, binary.outputs());
        assertTrue(gradientNorm(binary, x, d, rows, labels, 1.0) <= 2 * TOLERANCE * rows.length);
        LogisticObjective softmax = new LogisticObjective(x, d, rows, labels, 2, 0.5);
        double[] w = Lbfgs.minimize(softmax, new double[softmax.parameters()], TOLERANCE * rows.length, 10_000).w();
        LogisticModel pair = new LogisticModel(w, d, 2, new int[] {0, 1}, 3);
        int[] all = IntStream.range(0, cancer.size()).toArray();
        float[] a = new float[all.length * 3];
        float[] b = new float[all.length * 3];
        binary.predictProba(x, d, all, a);
        pair.predictProba(x, d, all, b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4, "value " + i);
        }
        assertEquals(0f, a[2], 0f, "class 2 never seen");
    }

    @Test
    void everyWarmStartedFitOfALoopIsAnOptimumBootstrapsWithRepeatsIncluded() {
        L2LogisticLearner learner = new L2LogisticLearner(0.5, TOLERANCE, 10_000);
        SplittableRandom random = new SplittableRandom(11);
        Model previous = null;
        Model previousMember = null;
        for (int n = 30; n <= 300; n += 30) { // the labelled set grows as in the loop; each fit starts from the last
            int[] rows = IntStream.range(0, n).toArray();
            int[] labels = digitLabels(rows);
            LogisticModel model = (LogisticModel) learner.fit(X, D, rows, labels, 10, 1, previous);
            assertTrue(gradientNorm(model, X, D, rows, labels, 0.5) <= 2 * TOLERANCE * n, "n = " + n);
            previous = model;
            int[] bootstrap = random.ints(n, 0, n).toArray(); // a committee member's sample: rows repeat
            int[] bootLabels = digitLabels(bootstrap);
            Model member = learner.fit(X, D, bootstrap, bootLabels, 10, 1, previousMember);
            if (member instanceof LogisticModel fitted) {
                assertTrue(gradientNorm(fitted, X, D, bootstrap, bootLabels, 0.5) <= 2 * TOLERANCE * n, "member, n = " + n);
            }
            previousMember = member;
        }
    }

    @Test
    void runningOutOfIterationsIsAnErrorNotAnApproximateModel() {
        int[] rows = IntStream.range(0, 200).toArray();
        int[] labels = digitLabels(rows);
        ActiveBenchException e = assertThrows(ActiveBenchException.class, () -> new L2LogisticLearner(1.0, TOLERANCE, 3)
                .fit(X, D, rows, labels, 10, 1));
        assertTrue(e.getMessage().startsWith("learner.params.maxIterations: logistic did not converge in 3 L-BFGS iterations"
                + " on 200 rows"), e.getMessage());
    }

    @Test
    void aToleranceBeyondDoublePrecisionStopsAtTheFloorInsteadOfRunningOn() {
        int[] rows = IntStream.range(0, 210).toArray();
        int[] labels = digitLabels(rows);
        LogisticModel model = (LogisticModel) new L2LogisticLearner(0.5, 1e-13, 10_000).fit(X, D, rows, labels, 10, 1);
        assertTrue(gradientNorm(model, X, D, rows, labels, 0.5) <= 1e-7 * rows.length);
    }

    @Test
    void theFitIsTheSameBitForBitInTheInterpreterAsAfterTheJitCompiledIt() throws Exception {
        long compiled = 0;
        for (int i = 0; i < 200; i++) { // enough calls for C2 to compile the kernels
            compiled = InterpretedFit.fit();
        }
        String interpreted = ChildJvm.run(InterpretedFit.class, "-Xint", "--add-modules", "jdk.incubator.vector");
        assertTrue(interpreted.contains("weights " + compiled + "\n"), interpreted);
    }
}
