package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Row weights and extra rows in the logistic objective, against a plain computation of the weighted sum. */
class WeightedLogisticTest {
    private static final int N = 9;
    private static final int D = 3;
    private final SplittableRandom random = new SplittableRandom(5);
    private final float[] x = new float[N * D];
    private final int[] rows = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    private final double[] s = new double[N];

    WeightedLogisticTest() {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            s[i] = 0.25 + 2 * random.nextDouble();
        }
    }

    /** Σ s_i (-log p(y_i)) + ||W||²/(2C) and its gradient, written out for the softmax over m outputs. */
    private double softmaxLoss(double[] w, int[] y, int m, double c, double[] gradient) {
        int q = D + 1;
        double loss = 0;
        java.util.Arrays.fill(gradient, 0);
        for (int i = 0; i < N; i++) {
            double[] z = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < m; o++) {
                z[o] = w[o * q + D];
                for (int j = 0; j < D; j++) {
                    z[o] += w[o * q + j] * x[i * D + j];
                }
                max = Math.max(max, z[o]);
            }
            double sum = 0;
            for (int o = 0; o < m; o++) {
                sum += Math.exp(z[o] - max);
            }
            loss += s[i] * (max + Math.log(sum) - z[y[i]]);
            for (int o = 0; o < m; o++) {
                double residual = s[i] * (Math.exp(z[o] - max) / sum - (y[i] == o ? 1 : 0));
                for (int j = 0; j < D; j++) {
                    gradient[o * q + j] += residual * x[i * D + j];
                }
                gradient[o * q + D] += residual;
            }
        }
        for (int o = 0; o < m; o++) {
            for (int j = 0; j < D; j++) {
                loss += w[o * q + j] * w[o * q + j] / (2 * c);
                gradient[o * q + j] += w[o * q + j] / c;
            }
        }
        return loss;
    }

    /** The same for the sigmoid: p(1 | x) = σ(w·x + b). */
    private double sigmoidLoss(double[] w, int[] y, double c, double[] gradient) {
        double loss = 0;
        java.util.Arrays.fill(gradient, 0);
        for (int i = 0; i < N; i++) {
            double z = w[D];
            for (int j = 0; j < D; j++) {
                z += w[j] * x[i * D + j];
            }
            double p = 1 / (1 + Math.exp(-z));
            loss -= s[i] * (y[i] == 1 ? Math.log(p) : Math.log(1 - p));
            for (int j = 0; j < D; j++) {
                gradient[j] += s[i] * (p - y[i]) * x[i * D + j];
            }
            gradient[D] += s[i] * (p - y[i]);
        }
        for (int j = 0; j < D; j++) {
            loss += w[j] * w[j] / (2 * c);
            gradient[j] += w[j] / c;
        }
        return loss;
    }

    @Test
    void theWeightedObjectiveAndItsGradientAreTheWrittenOutSums() {
        int[] three = {0, 1, 2, 2, 1, 0, 0, 2, 1};
        int[] two = {0, 1, 1, 0, 1, 0, 0, 1, 1};
        for (int m : new int[] {1, 3}) {
            int[] y = m == 1 ? two : three;
            LogisticObjective objective = new LogisticObjective(x, D, rows, new float[0], y, s, m, 0.7);
            double[] w = new double[objective.parameters()];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian();
            }
            double[] gradient = new double[w.length];
            double[] expected = new double[w.length];
            double value = objective.evaluate(w, gradient);
            double plain = m == 1 ? sigmoidLoss(w, y, 0.7, expected) : softmaxLoss(w, y, m, 0.7, expected);
            assertEquals(plain, value, 1e-12 * Math.abs(plain), "outputs " + m);
            assertArrayEquals(expected, gradient, 1e-12, "outputs " + m);
            // the Hessian times v: a central difference of the written-out gradient
            double[] v = new double[w.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            double[] hv = new double[w.length];
            objective.hessianTimes(v, hv);
            double h = 1e-6;
            double[] plus = new double[w.length];
            double[] minus = new double[w.length];
            double[] wp = w.clone();
            double[] wm = w.clone();
            for (int i = 0; i < w.length; i++) {
                wp[i] += h * v[i];
                wm[i] -= h * v[i];
            }
            if (m == 1) {
                sigmoidLoss(wp, y, 0.7, plus);
                sigmoidLoss(wm, y, 0.7, minus);
            } else {
                softmaxLoss(wp, y, m, 0.7, plus);
                softmaxLoss(wm, y, m, 0.7, minus);
            }
            for (int i = 0; i < w.length; i++) {
                assertEquals((plus[i] - minus[i]) / (2 * h), hv[i], 1e-6, "outputs " + m + ", H v [" + i + "]");
            }
        }
    }

    @Test
    void integerWeightsFitAsReplicatedRows() {
        int[] y = {0, 1, 2, 2, 1, 0, 0, 2, 1};
        int[] counts = {1, 3, 2, 1, 4, 2, 1, 1, 2};
        L2LogisticLearner learner = new L2LogisticLearner(1.0, 1e-13, 200);
        double[] weights = java.util.Arrays.stream(counts).asDoubleStream().toArray();
        Model weighted = learner.fit(TrainingSet.of(x, D, rows, y, 3).withWeights(weights), 1, null);
        List<Integer> replicatedRows = new ArrayList<>();
        List<Integer> replicatedLabels = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < counts[i]; c++) {
                replicatedRows.add(i);
                replicatedLabels.add(y[i]);
            }
        }
        Model replicated = learner.fit(x, D, replicatedRows.stream().mapToInt(Integer::intValue).toArray(),
                replicatedLabels.stream().mapToInt(Integer::intValue).toArray(), 3, 1);
        double[] a = new double[N * 3];
        double[] b = new double[N * 3];
        weighted.predictProba(x, D, rows, a);
        replicated.predictProba(x, D, rows, b);
        assertArrayEquals(b, a, 1e-9);
        assertArrayEquals(((LogisticModel) replicated).w(), ((LogisticModel) weighted).w(), 1e-9);
    }

    @Test
    void extraRowsFitAsRowsOfTheMatrixAndUnitWeightsChangeNothing() {
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1, 1};
        L2LogisticLearner learner = new L2LogisticLearner(1.0, 1e-10, 100);
        int[] first = {0, 1, 2, 3, 4, 5};
        float[] extra = java.util.Arrays.copyOfRange(x, 6 * D, 9 * D);
        Model withExtra = learner.fit(TrainingSet.of(x, D, first, java.util.Arrays.copyOf(y, 6), 2)
                .withExtraRows(extra, new int[] {y[6], y[7], y[8]}, null), 1, null);
        Model plain = learner.fit(x, D, rows, y, 2, 1);
        Model unit = learner.fit(TrainingSet.of(x, D, rows, y, 2).withWeights(new double[N]).withWeights(
                java.util.Arrays.stream(new double[N]).map(v -> 1).toArray()), 1, null);
        assertArrayEquals(((LogisticModel) plain).w(), ((LogisticModel) withExtra).w(), 0, "bit for bit");
        assertArrayEquals(((LogisticModel) plain).w(), ((LogisticModel) unit).w(), 0, "weights of 1 are no weights");
    }
}
