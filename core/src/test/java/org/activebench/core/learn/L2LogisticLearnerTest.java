package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.split.Standardizer;
import org.junit.jupiter.api.Test;

/**
 * The fitted solution is the optimum of the standard objective: its gradient, recomputed here independently in
 * double, vanishes; warm and cold starts agree; the binary sigmoid equals the two-class softmax at half the C
 * (the softmax pair splits one weight vector v into ±v/2, whose penalty is ||v||²/(4C)).
 */
class L2LogisticLearnerTest {
    private static final double TOLERANCE = 1e-8;

    private static float[] standardised(Dataset data) {
        return Standardizer.standardize(data.x(), data.dimension(), IntStream.range(0, data.size()).toArray());
    }

    /** ||∇f||₂ of Σ -log p(y|x) + ||W||²/(2C) at the model, softmax over the model's classes, from scratch. */
    private static double gradientNorm(LogisticModel model, float[] x, int d, int[] rows, int[] labels, double c) {
        int m = model.classes().length;
        int k = model.k();
        double[][] gw = new double[m][d];
        double[] gb = new double[m];
        float[] p = new float[k];
        for (int r = 0; r < rows.length; r++) {
            model.predictProba(x, d, new int[] {rows[r]}, p);
            for (int a = 0; a < m; a++) {
                double residual = p[model.classes()[a]] - (labels[r] == model.classes()[a] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gw[a][j] += residual * x[rows[r] * d + j];
                }
                gb[a] += residual;
            }
        }
        double sum = 0;
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < d; j++) {
                double weight = model.outputs() == 1 ? (a == 1 ? model.w()[j] : 0) : model.w()[a * (d + 1) + j];
                double g = gw[a][j] + weight / c;
                // the sigmoid's one vector is the difference of the softmax pair: compare on that parameterisation
                sum += model.outputs() == 1 && a == 0 ? 0 : g * g;
            }
            sum += model.outputs() == 1 && a == 0 ? 0 : gb[a] * gb[a];
        }
        return Math.sqrt(sum);
    }

    @Test
    void multinomialFitsAreOptimaOfTheStandardObjectiveWarmOrCold() {
        Dataset digits = DatasetLoader.bundled("digits");
        float[] x = standardised(digits);
        int d = digits.dimension();
        L2LogisticLearner learner = new L2LogisticLearner(1.0, TOLERANCE, 10_000);
        int[] small = IntStream.range(0, 300).toArray();
        int[] large = IntStream.range(0, 500).toArray();
        int[] ySmall = Arrays.stream(small).map(r -> digits.y()[r]).toArray();
        int[] yLarge = Arrays.stream(large).map(r -> digits.y()[r]).toArray();
        LogisticModel first = (LogisticModel) learner.fit(x, d, small, ySmall, 10, 1);
        LogisticModel cold = (LogisticModel) learner.fit(x, d, large, yLarge, 10, 1);
        LogisticModel warm = (LogisticModel) learner.fit(x, d, large, yLarge, 10, 1, first);
        for (LogisticModel model : new LogisticModel[] {first, cold, warm}) {
            int n = model == first ? 300 : 500;
            double norm = gradientNorm(model, x, d, model == first ? small : large, model == first ? ySmall : yLarge, 1.0);
            assertTrue(norm <= 2 * TOLERANCE * n, "gradient norm " + norm);
        }
        float[] pCold = new float[1797 * 10];
        float[] pWarm = new float[1797 * 10];
        int[] all = IntStream.range(0, 1797).toArray();
        cold.predictProba(x, d, all, pCold);
        warm.predictProba(x, d, all, pWarm);
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
}
