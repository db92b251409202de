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
 * The fitted solution is the optimum of the standard objective: at the default tolerance its probabilities are
 * those of an independent dense Newton solution (plain double loops, explicit Hessian, Cholesky) within 1e-9, cold
 * or warm; its gradient, recomputed here independently in double, vanishes; the binary sigmoid equals the two-class
 * softmax at half the C (the softmax pair splits one weight vector v into ±v/2, whose penalty is ||v||²/(4C)).
 */
class L2LogisticLearnerTest {
    private static final double TOLERANCE = 1e-8; // the default
    /** What ||∇f|| of a default fit comes down to (measured: 1e-9 to 1e-12); the reference goes to 1e-12. */
    private static final double GRADIENT = 1e-6;
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

    /**
     * The optimum by plain Newton on the explicit Hessian (Cholesky, double loops, none of the production kernels),
     * until ||∇f||₂ < 1e-12 or it stops falling: the parameters [w_c, b_c] per output. The softmax's Hessian is
     * singular along a common shift of the intercepts, which changes no probability; the rank-one term along that
     * shift makes it definite without moving the solution.
     */
    private static double[] referenceOptimum(float[] x, int d, int[] rows, int[] y, int outputs, double c) {
        int q = d + 1;
        int p = outputs * q;
        double[] w = new double[p];
        double best = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 60; iteration++) {
            double[] g = new double[p];
            double[][] h = new double[p][p];
            double f = objective(x, d, rows, y, outputs, c, w, g, h);
            double norm = Math.sqrt(Arrays.stream(g).map(v -> v * v).sum());
            if (norm < 1e-12 || norm >= best && norm < 1e-10) {
                break;
            }
            best = Math.min(best, norm);
            for (int o = 0; o < outputs && outputs > 1; o++) {
                for (int o2 = 0; o2 < outputs; o2++) {
                    h[o * q + d][o2 * q + d] += 1;
                }
            }
            double[] step = choleskySolve(h, Arrays.stream(g).map(v -> -v).toArray());
            double slope = 0;
            for (int i = 0; i < p; i++) {
                slope += g[i] * step[i];
            }
            for (double t = 1; ; t /= 2) {
                double[] next = new double[p];
                for (int i = 0; i < p; i++) {
                    next[i] = w[i] + t * step[i];
                }
                if (objective(x, d, rows, y, outputs, c, next, null, null) <= f + 1e-4 * t * slope || t < 1e-3) {
                    w = next;
                    break;
                }
            }
        }
        return w;
    }

    /** f(w); its gradient and Hessian when asked, from scratch. */
    private static double objective(float[] x, int d, int[] rows, int[] y, int outputs, double c, double[] w, double[] g,
                                    double[][] h) {
        int q = d + 1;
        int m = outputs == 1 ? 2 : outputs;
        double f = 0;
        double[] xi = new double[q];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < d; j++) {
                xi[j] = x[rows[r] * d + j];
            }
            xi[d] = 1;
            double[] z = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                for (int j = 0; j < q; j++) {
                    z[o] += w[o * q + j] * xi[j];
                }
            }
            double[] prob = new double[outputs];
            if (outputs == 1) {
                prob[0] = 1 / (1 + Math.exp(-z[0]));
                f += y[r] == 1 ? Math.log1p(Math.exp(-z[0])) : Math.log1p(Math.exp(z[0]));
            } else {
                double max = Arrays.stream(z).max().orElseThrow();
                double sum = Arrays.stream(z).map(v -> Math.exp(v - max)).sum();
                for (int o = 0; o < outputs; o++) {
                    prob[o] = Math.exp(z[o] - max) / sum;
                }
                f += max + Math.log(sum) - z[y[r]];
            }
            if (g == null) {
                continue;
            }
            for (int o = 0; o < outputs; o++) {
                double residual = prob[o] - (outputs == 1 ? y[r] : y[r] == o ? 1 : 0);
                for (int j = 0; j < q; j++) {
                    g[o * q + j] += residual * xi[j];
                }
                for (int o2 = 0; o2 < outputs; o2++) {
                    double weight = outputs == 1 ? prob[0] * (1 - prob[0]) : (o == o2 ? prob[o] : 0) - prob[o] * prob[o2];
                    for (int a = 0; a < q; a++) {
                        for (int b = 0; b < q; b++) {
                            h[o * q + a][o2 * q + b] += weight * xi[a] * xi[b];
                        }
                    }
                }
            }
        }
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j < d; j++) {
                f += w[o * q + j] * w[o * q + j] / (2 * c);
                if (g != null) {
                    g[o * q + j] += w[o * q + j] / c;
                    h[o * q + j][o * q + j] += 1 / c;
                }
            }
        }
        assertEquals(m, Math.max(2, outputs));
        return f;
    }

    private static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        return z;
    }

    /**
     * Seeded Gaussian classes with correlated features, the first 12 shifted by class: with 2 classes and 60
     * features a sonar-like set (208 rows); 3 classes and 130 features take the wide path (diagonal preconditioner).
     */
    private static Dataset gaussianClasses(int classes, int d, int n) {
        SplittableRandom random = new SplittableRandom(d);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            double common = random.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (0.6 * common + random.nextGaussian() + (j < 12 ? 0.7 * ((y[i] + j) % classes) : 0));
            }
        }
        return new Dataset("gaussian_" + classes + "x" + d, x, y, IntStream.range(0, classes).mapToObj(c -> "c" + c).toList(),
                IntStream.range(0, d).mapToObj(j -> "f" + j).toList());
    }

    /** The default fit, cold and warm (from the fit on all but the last 10 rows), against the reference optimum. */
    private static void assertDefaultFitsMatchTheReference(Dataset data, int n) {
        float[] x = standardised(data);
        int d = data.dimension();
        int k = data.classCount();
        int[] rows = IntStream.range(0, n).map(i -> (int) ((long) i * 7919 % data.size())).toArray(); // spread over the file
        int[] labels = Arrays.stream(rows).map(r -> data.y()[r]).toArray();
        int outputs = k == 2 ? 1 : k;
        LogisticModel reference = new LogisticModel(referenceOptimum(x, d, rows, labels, outputs, 1.0), d, outputs,
                IntStream.range(0, k).toArray(), k);
        Learner learner = Learners.create("logistic", null, "learner");
        Model previous = learner.fit(x, d, Arrays.copyOf(rows, n - 10), Arrays.copyOf(labels, n - 10), k, 1);
        Model cold = learner.fit(x, d, rows, labels, k, 1);
        Model warm = learner.fit(x, d, rows, labels, k, 1, previous);
        int[] all = IntStream.range(0, data.size()).toArray();
        double[] expected = new double[all.length * k];
        reference.predictProba(x, d, all, expected);
        for (Model model : new Model[] {cold, warm}) {
            double[] actual = new double[all.length * k];
            model.predictProba(x, d, all, actual);
            double worst = 0;
            for (int i = 0; i < actual.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
            }
            assertTrue(worst <= 1e-9, data.name() + (model == cold ? " cold" : " warm") + ": probabilities differ by " + worst);
        }
    }

    @Test
    void defaultFitsAgreeWithAReferenceNewtonOptimumWithin1e9ColdAndWarm() {
        assertDefaultFitsMatchTheReference(DIGITS, 250);
        assertDefaultFitsMatchTheReference(DatasetLoader.bundled("breast_cancer"), 300);
        assertDefaultFitsMatchTheReference(gaussianClasses(2, 60, 208), 150);
        assertTrue(131 > LogisticObjective.BLOCK_JACOBI_WIDTH);
        assertDefaultFitsMatchTheReference(gaussianClasses(3, 130, 200), 150);
    }

    @Test
    void multinomialFitsAreOptimaOfTheStandardObjectiveWarmOrCold() {
        L2LogisticLearner learner = new L2LogisticLearner(1.0, TOLERANCE, 100);
        int[] small = IntStream.range(0, 300).toArray();
        int[] large = IntStream.range(0, 500).toArray();
        int[] ySmall = digitLabels(small);
        int[] yLarge = digitLabels(large);
        LogisticModel first = (LogisticModel) learner.fit(X, D, small, ySmall, 10, 1);
        LogisticModel cold = (LogisticModel) learner.fit(X, D, large, yLarge, 10, 1);
        LogisticModel warm = (LogisticModel) learner.fit(X, D, large, yLarge, 10, 1, first);
        for (LogisticModel model : new LogisticModel[] {first, cold, warm}) {
            double norm = gradientNorm(model, X, D, model == first ? small : large, model == first ? ySmall : yLarge, 1.0);
            assertTrue(norm <= GRADIENT, "gradient norm " + norm);
        }
        double[] pCold = new double[1797 * 10];
        double[] pWarm = new double[1797 * 10];
        int[] all = IntStream.range(0, 1797).toArray();
        cold.predictProba(X, D, all, pCold);
        warm.predictProba(X, D, all, pWarm);
        for (int i = 0; i < all.length; i++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                assertEquals(pCold[i * 10 + c], pWarm[i * 10 + c], 1e-9, "row " + i);
                sum += pCold[i * 10 + c];
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void binarySigmoidEqualsTwoClassSoftmaxAtHalfCAndUnseenClassesGetZero() {
        Dataset cancer = DatasetLoader.bundled("breast_cancer");
        float[] x = standardised(cancer);
        int d = cancer.dimension();
        int[] rows = IntStream.range(0, 200).toArray();
        int[] labels = Arrays.stream(rows).map(r -> cancer.y()[r]).toArray();
        LogisticModel binary = (LogisticModel) new L2LogisticLearner(1.0, TOLERANCE, 100).fit(x, d, rows, labels, 3, 1);
        assertEquals(1, binary.outputs());
        assertTrue(gradientNorm(binary, x, d, rows, labels, 1.0) <= GRADIENT);
        LogisticObjective softmax = new LogisticObjective(x, d, rows, labels, 2, 0.5);
        double[] w = NewtonCg.minimize(softmax, new double[softmax.parameters()], TOLERANCE, 100).w();
        LogisticModel pair = new LogisticModel(w, d, 2, new int[] {0, 1}, 3);
        int[] all = IntStream.range(0, cancer.size()).toArray();
        double[] a = new double[all.length * 3];
        double[] b = new double[all.length * 3];
        binary.predictProba(x, d, all, a);
        pair.predictProba(x, d, all, b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-9, "value " + i);
        }
        assertEquals(0, a[2], 0, "class 2 never seen");
    }

    @Test
    void everyWarmStartedFitOfALoopIsAnOptimumBootstrapsWithRepeatsIncluded() {
        L2LogisticLearner learner = new L2LogisticLearner(0.5, TOLERANCE, 100);
        SplittableRandom random = new SplittableRandom(11);
        Model previous = null;
        Model previousMember = null;
        for (int n = 30; n <= 300; n += 30) { // the labelled set grows as in the loop; each fit starts from the last
            int[] rows = IntStream.range(0, n).toArray();
            int[] labels = digitLabels(rows);
            LogisticModel model = (LogisticModel) learner.fit(X, D, rows, labels, 10, 1, previous);
            assertTrue(gradientNorm(model, X, D, rows, labels, 0.5) <= GRADIENT, "n = " + n);
            previous = model;
            int[] bootstrap = random.ints(n, 0, n).toArray(); // a committee member's sample: rows repeat
            int[] bootLabels = digitLabels(bootstrap);
            Model member = learner.fit(X, D, bootstrap, bootLabels, 10, 1, previousMember);
            if (member instanceof LogisticModel fitted) {
                assertTrue(gradientNorm(fitted, X, D, bootstrap, bootLabels, 0.5) <= GRADIENT, "member, n = " + n);
            }
            previousMember = member;
        }
    }

    @Test
    void runningOutOfIterationsIsAnErrorNotAnApproximateModel() {
        int[] rows = IntStream.range(0, 200).toArray();
        int[] labels = digitLabels(rows);
        ActiveBenchException e = assertThrows(ActiveBenchException.class, () -> new L2LogisticLearner(1.0, TOLERANCE, 2)
                .fit(X, D, rows, labels, 10, 1));
        assertTrue(e.getMessage().startsWith("learner.params.maxIterations: logistic did not converge in 2 Newton iterations"
                + " on 200 rows"), e.getMessage());
    }

    @Test
    void aTightToleranceConvergesOnAThousandDigits() {
        int[] rows = IntStream.range(0, 1000).toArray();
        int[] labels = digitLabels(rows);
        LogisticObjective objective = new LogisticObjective(X, D, rows, labels, 10, 1.0);
        NewtonCg.Result result = NewtonCg.minimize(objective, new double[objective.parameters()], 1e-12, 100);
        assertTrue(result.converged(), "last step " + result.lastChange() + " after " + result.iterations());
        LogisticModel model = new LogisticModel(result.w(), D, 10, IntStream.range(0, 10).toArray(), 10);
        assertTrue(gradientNorm(model, X, D, rows, labels, 1.0) <= 1e-9);
    }

    @Test
    void theFitIsTheSameBitForBitInTheInterpreterAsAfterTheJitCompiledIt() throws Exception {
        long compiled = 0;
        long probabilities = 0;
        for (int i = 0; i < 200; i++) { // enough calls for C2 to compile the kernels
            compiled = InterpretedFit.fit();
            probabilities = InterpretedFit.predict();
        }
        String interpreted = ChildJvm.run(InterpretedFit.class, "-Xint", "--add-modules", "jdk.incubator.vector");
        assertTrue(interpreted.contains("weights " + compiled + "\n"), interpreted);
        assertTrue(interpreted.contains("probabilities " + probabilities + "\n"), "softmax and sigmoid: " + interpreted);
    }
}
