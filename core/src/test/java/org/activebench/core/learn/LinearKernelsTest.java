package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernels against plain scalar loops: random inputs, widths that are and are not multiples of the
 * lanes, one and two outputs, zeros, repeated rows; the gradient sums exactly as the scalar chain does.
 */
class LinearKernelsTest {
    private static final int[] WIDTHS = {1, 3, 4, 5, 15, 16, 17, 33, 64, 67};
    private static final int[] OUTPUTS = {1, 2, 3, 10};

    private static double[] random(SplittableRandom random, int n) {
        return random.doubles(n, -2, 2).toArray();
    }

    @Test
    void weightedGramIsThePlainTripleLoopOnItsLowerTriangle() {
        SplittableRandom random = new SplittableRandom(5);
        for (int d : WIDTHS) {
            for (int n : new int[] {1, 3, 4, 7, 9}) { // groups of four rows and tails
                int q = d + 1;
                double[] x = random(random, n * d);
                double[] w = random(random, n);
                w[0] = 0; // a row the model is sure of
                double[] a = random(random, q * q);
                double[] expected = a.clone();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < q; j++) {
                        for (int k = 0; k <= j; k++) {
                            expected[j * q + k] += w[i] * (j < d ? x[i * d + j] : 1) * (k < d ? x[i * d + k] : 1);
                        }
                    }
                }
                LinearKernels.addWeightedGram(x, d, n, w, a);
                for (int j = 0; j < q; j++) {
                    for (int k = 0; k < q; k++) {
                        double want = expected[j * q + k]; // the upper triangle is left as it was
                        assertEquals(want, a[j * q + k], 1e-12 * (1 + Math.abs(want)), "d " + d + ", n " + n + ", (" + j + ", " + k + ")");
                    }
                }
            }
        }
    }

    @Test
    void logitsMatchTheScalarDotProducts() {
        SplittableRandom random = new SplittableRandom(1);
        for (int d : WIDTHS) {
            for (int m : OUTPUTS) {
                for (int rows = 1; rows <= 9; rows++) {
                    double[] w = random(random, m * (d + 1));
                    int offset = 3 * d;
                    double[] x = random(random, offset + rows * d);
                    double[] z = new double[rows * m];
                    LinearKernels.logits(w, m, x, offset, rows, d, z);
                    for (int i = 0; i < rows; i++) {
                        for (int c = 0; c < m; c++) {
                            double expected = w[c * (d + 1) + d];
                            double scale = 1;
                            for (int j = 0; j < d; j++) {
                                expected += w[c * (d + 1) + j] * x[offset + i * d + j];
                                scale += Math.abs(w[c * (d + 1) + j] * x[offset + i * d + j]);
                            }
                            assertEquals(expected, z[i * m + c], 1e-14 * scale, "d=" + d + " m=" + m + " rows=" + rows);
                        }
                    }
                }
            }
        }
    }

    @Test
    void zeroRowsGiveTheBiasAndARowsLogitsDoNotDependOnItsPlaceInTheBlock() {
        SplittableRandom random = new SplittableRandom(2);
        int d = 67;
        int m = 10;
        double[] w = random(random, m * (d + 1));
        double[] row = random(random, d);
        // the row at positions 0 (a group of four) and 4 (a single tail row), zeros at 1..3
        double[] x = new double[5 * d];
        System.arraycopy(row, 0, x, 0, d);
        System.arraycopy(row, 0, x, 4 * d, d);
        double[] z = new double[5 * m];
        LinearKernels.logits(w, m, x, 0, 5, d, z);
        for (int c = 0; c < m; c++) {
            assertEquals(z[c], z[4 * m + c], 0.0, "class " + c);
            for (int i = 1; i <= 3; i++) {
                assertEquals(w[c * (d + 1) + d], z[i * m + c], 0.0, "zero row gets the bias");
            }
        }
    }

    @Test
    void gradientIsExactlyTheScalarFusedChainOverRows() {
        SplittableRandom random = new SplittableRandom(3);
        for (int d : WIDTHS) {
            for (int m : OUTPUTS) {
                for (int rows : new int[] {1, 2, 7, 256}) {
                    int offset = 2 * d;
                    double[] x = random(random, offset + rows * d);
                    double[] r = random(random, rows * m);
                    if (rows == 7) {
                        Arrays.fill(r, 0, m, 0); // a row with zero residuals adds nothing
                    }
                    double[] start = random(random, m * (d + 1));
                    double[] g = start.clone();
                    LinearKernels.addGradient(r, m, x, offset, rows, d, g);
                    for (int c = 0; c < m; c++) {
                        for (int j = 0; j < d; j++) {
                            double sum = 0;
                            for (int i = 0; i < rows; i++) {
                                sum = Math.fma(x[offset + i * d + j], r[i * m + c], sum);
                            }
                            assertEquals(start[c * (d + 1) + j] + sum, g[c * (d + 1) + j], 0.0, "d=" + d + " m=" + m);
                        }
                        double bias = 0;
                        for (int i = 0; i < rows; i++) {
                            bias += r[i * m + c];
                        }
                        assertEquals(start[c * (d + 1) + d] + bias, g[c * (d + 1) + d], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void softmaxMatchesScalarExpWithoutOverflowAndTiesStayTied() {
        SplittableRandom random = new SplittableRandom(5);
        for (int m : OUTPUTS) {
            for (int rows = 1; rows <= 7; rows++) {
                double[] z = random.doubles(rows * m, -30, 30).toArray();
                z[0] = 1000; // e^1000 overflows unless shifted
                if (rows > 1) {
                    Arrays.fill(z, m, 2 * m, 0.0); // all-zero row: ties, uniform
                }
                if (rows > 2 && m > 1) {
                    z[2 * m] = 7;
                    z[2 * m + 1] = 7; // a tie for the maximum
                }
                double[] p = z.clone();
                double[] logSum = new double[rows];
                LinearKernels.softmax(p, rows, m, logSum);
                for (int i = 0; i < rows; i++) {
                    double max = Arrays.stream(z, i * m, i * m + m).max().orElseThrow();
                    double sum = Arrays.stream(z, i * m, i * m + m).map(v -> Math.exp(v - max)).sum();
                    assertEquals(max + Math.log(sum), logSum[i], 1e-14 * Math.max(1, Math.abs(max)), "m=" + m);
                    double total = 0;
                    for (int c = 0; c < m; c++) {
                        assertEquals(Math.exp(z[i * m + c] - max) / sum, p[i * m + c], 1e-15, "m=" + m + " rows=" + rows);
                        total += p[i * m + c];
                    }
                    assertEquals(1.0, total, 1e-14);
                }
                if (rows > 1) {
                    for (int c = 0; c < m; c++) {
                        assertEquals(1.0 / m, p[m + c], 1e-16);
                    }
                }
                if (rows > 2 && m > 1) {
                    assertEquals(p[2 * m], p[2 * m + 1], 0.0);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 15, 16, 17, 650, 7851})
    void dotAndAxpyMatchScalarLoops(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] a = random(random, n);
        double[] b = random(random, n);
        double expected = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            expected += a[i] * b[i];
            scale += Math.abs(a[i] * b[i]);
        }
        assertEquals(expected, LinearKernels.dot(a, b), 1e-14 * Math.max(1, scale));
        double[] y = b.clone();
        LinearKernels.axpy(0.75, a, y);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.fma(a[i], 0.75, b[i]), y[i], 0.0);
        }
    }

    @Test
    void objectiveAndPredictionsDoNotDependOnTheThreadCount() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        int n = 3000;
        int d = 40;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] rows = IntStream.range(0, n).toArray();
        int[] labels = IntStream.range(0, n).map(i -> i % 5).toArray();
        LogisticObjective objective = new LogisticObjective(x, d, rows, labels, 5, 1.0);
        double[] w = random(random, objective.parameters());
        LogisticModel model = new LogisticModel(w, d, 5, new int[] {0, 1, 2, 3, 4}, 5);
        double[][] gradients = new double[2][objective.parameters()];
        double[] values = new double[2];
        float[][] probabilities = new float[2][n * 5];
        int[] threads = {1, 4};
        for (int t = 0; t < 2; t++) {
            int slot = t;
            try (ForkJoinPool pool = new ForkJoinPool(threads[t])) {
                pool.submit(() -> {
                    values[slot] = objective.evaluate(w, gradients[slot]);
                    model.predictProba(x, d, rows, probabilities[slot]);
                }).get();
            }
        }
        assertEquals(values[0], values[1], 0.0);
        assertArrayEquals(gradients[0], gradients[1], 0.0);
        assertArrayEquals(probabilities[0], probabilities[1], 0f);
    }
}
