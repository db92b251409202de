package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every backend against the scalar reference, on random and adversarial inputs: row counts that are not a
 * multiple of any lane count, k = 1 and 2, zeros, all-equal and one-hot rows, ties, subnormal values (1e-38) and
 * a large n. Selections and comparison-built scores must match exactly, the rest within
 * {@link ScoreKernels#SCORE_TOLERANCE}. A backend's test extends this class.
 */
abstract class KernelConformanceTest {
    private static final int[] ROWS = {1, 2, 7, 8, 9, 15, 16, 17, 33, 1000, 4099};
    private static final int[] CLASSES = {1, 2, 3, 8, 10, 17, 100};
    private static final int LARGE_N = 300_007;
    private final ScalarKernels reference = new ScalarKernels();

    /** The backend under test. */
    abstract ScoreKernels kernels();

    /** Kinds of probability rows; each yields n x k row-major values. */
    private enum Rows {
        DIRICHLET, PEAKED, ALL_EQUAL, ZEROS, ONE_HOT, TIES, SUBNORMAL;

        float[] make(int n, int k, SplittableRandom random) {
            float[] p = new float[n * k];
            for (int i = 0; i < n; i++) {
                int row = i * k;
                switch (this) {
                    case DIRICHLET, PEAKED -> {
                        double sum = 0;
                        double[] w = new double[k];
                        for (int c = 0; c < k; c++) {
                            double e = -Math.log(1 - random.nextDouble());
                            w[c] = this == PEAKED ? Math.pow(e, 8) : e;
                            sum += w[c];
                        }
                        for (int c = 0; c < k; c++) {
                            p[row + c] = (float) (w[c] / sum);
                        }
                    }
                    case ALL_EQUAL -> Arrays.fill(p, row, row + k, 1f / k);
                    case ZEROS -> { }
                    case ONE_HOT -> p[row + random.nextInt(k)] = 1f;
                    case TIES -> {
                        // Two (or all) classes share the maximum; the rest share what is left.
                        int a = random.nextInt(k);
                        int b = random.nextInt(k);
                        float top = a == b ? 1f : 0.4f;
                        for (int c = 0; c < k; c++) {
                            p[row + c] = c == a || c == b ? top : k > 2 ? 0.2f / (k - 2) : 0f;
                        }
                    }
                    case SUBNORMAL -> {
                        Arrays.fill(p, row, row + k, 1e-38f);
                        p[row + random.nextInt(k)] = 1f - (k - 1) * 1e-38f;
                    }
                }
            }
            return p;
        }
    }

    private void forEachInput(CaseBody body) {
        SplittableRandom random = new SplittableRandom(42);
        for (Rows kind : Rows.values()) {
            for (int n : ROWS) {
                for (int k : CLASSES) {
                    body.run(kind + " n=" + n + " k=" + k, n, k, kind, random);
                }
            }
        }
        for (int k : new int[] {2, 10}) {
            body.run("DIRICHLET large n=" + LARGE_N + " k=" + k, LARGE_N, k, Rows.DIRICHLET, random);
        }
    }

    private interface CaseBody {
        void run(String label, int n, int k, Rows kind, SplittableRandom random);
    }

    @Test
    void comparisonScoresAreExact() {
        forEachInput((label, n, k, kind, random) -> {
            float[] p = kind.make(n, k, random);
            int[] expectedArgmax = new int[n];
            int[] actualArgmax = new int[n];
            reference.argmax(p, n, k, expectedArgmax);
            kernels().argmax(p, n, k, actualArgmax);
            assertArrayEquals(expectedArgmax, actualArgmax, "argmax " + label);
            exact("least confidence " + label, n, out -> kernels().leastConfidence(p, n, k, out),
                    out -> reference.leastConfidence(p, n, k, out));
            exact("margin " + label, n, out -> kernels().margin(p, n, k, out),
                    out -> reference.margin(p, n, k, out));
        });
    }

    @Test
    void entropiesWithinTolerance() {
        forEachInput((label, n, k, kind, random) -> {
            float[] p = kind.make(n, k, random);
            close("entropy " + label, n, out -> kernels().entropy(p, n, k, out),
                    out -> reference.entropy(p, n, k, out));
            float[] logits = new float[n * k];
            for (int j = 0; j < logits.length; j++) {
                // Logits of a model: log-probabilities shifted and scaled, plus plain large values.
                logits[j] = kind == Rows.ZEROS ? (float) (random.nextGaussian() * 30) : (float) Math.log(p[j] + 1e-30) * 3 + 7;
            }
            close("entropy from logits " + label, n, out -> kernels().entropyFromLogits(logits, n, k, out),
                    out -> reference.entropyFromLogits(logits, n, k, out));
        });
    }

    @Test
    void rowsWiderThanAnyScratchBuffer() {
        // Backends may score rows in pieces (the C one in 2048 values); a model with 21k classes must still work.
        SplittableRandom random = new SplittableRandom(13);
        for (int k : new int[] {2047, 2048, 2049, 5000, 21_841}) {
            int n = 3;
            float[] p = Rows.DIRICHLET.make(n, k, random);
            p[k + 17] = 0.5f; // a clear winner in row 1, off the first piece
            int[] expectedArgmax = new int[n];
            int[] actualArgmax = new int[n];
            reference.argmax(p, n, k, expectedArgmax);
            kernels().argmax(p, n, k, actualArgmax);
            assertArrayEquals(expectedArgmax, actualArgmax, "argmax k=" + k);
            exact("margin k=" + k, n, out -> kernels().margin(p, n, k, out), out -> reference.margin(p, n, k, out));
            close("entropy k=" + k, n, out -> kernels().entropy(p, n, k, out), out -> reference.entropy(p, n, k, out));
            close("entropy from logits k=" + k, n, out -> kernels().entropyFromLogits(p, n, k, out),
                    out -> reference.entropyFromLogits(p, n, k, out));
            float[][] members = {p, Rows.DIRICHLET.make(n, k, random), Rows.PEAKED.make(n, k, random)};
            close("KL k=" + k, n, out -> kernels().klToConsensus(members, n, k, true, out),
                    out -> reference.klToConsensus(members, n, k, true, out));
            close("vote entropy k=" + k, n, out -> kernels().voteEntropy(members, n, k, out),
                    out -> reference.voteEntropy(members, n, k, out));
        }
    }

    @Test
    void committeeDisagreementWithinTolerance() {
        forEachInput((label, n, k, kind, random) -> {
            if ((long) n * k > 1_000_000) {
                n = 1_000_000 / k + 3;
            }
            int rows = n;
            for (int committee : new int[] {1, 2, 3, 5}) {
                float[][] members = new float[committee][];
                for (int m = 0; m < committee; m++) {
                    // Mix kinds so that members disagree; ties inside a member test the lowest-class vote.
                    members[m] = (m % 2 == 0 ? kind : Rows.DIRICHLET).make(rows, k, random);
                }
                String what = label + " C=" + committee;
                close("vote entropy " + what, rows, out -> kernels().voteEntropy(members, rows, k, out),
                        out -> reference.voteEntropy(members, rows, k, out));
                close("KL mean " + what, rows, out -> kernels().klToConsensus(members, rows, k, false, out),
                        out -> reference.klToConsensus(members, rows, k, false, out));
                close("KL max " + what, rows, out -> kernels().klToConsensus(members, rows, k, true, out),
                        out -> reference.klToConsensus(members, rows, k, true, out));
            }
        });
    }

    @Test
    void topBEqualsTheReferenceWithTiesAndSignedZeros() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 9, 17, 100, 1001, 65_537, 2_000_003}) {
            for (int levels : new int[] {3, 1000, 0}) {
                float[] scores = new float[n];
                for (int i = 0; i < n; i++) {
                    // levels > 0: few distinct values, so ties are everywhere; signed zeros among them.
                    scores[i] = levels == 0 ? (float) random.nextGaussian()
                            : random.nextInt(levels) == 0 ? (random.nextBoolean() ? -0f : 0f)
                            : random.nextInt(levels) - levels / 2f;
                }
                for (int b : new int[] {1, 2, 10, 1000, n}) {
                    if (b > n || (b == n && n > 5000)) {
                        continue;
                    }
                    for (boolean largest : new boolean[] {true, false}) {
                        int[] expected = new int[b];
                        int[] actual = new int[b];
                        reference.topB(scores, n, b, largest, expected);
                        kernels().topB(scores, n, b, largest, actual);
                        assertArrayEquals(expected, actual,
                                "top-" + b + (largest ? " largest" : " smallest") + " n=" + n + " levels=" + levels);
                    }
                }
            }
        }
    }

    @Test
    void featureKernelsWithinTolerance() {
        SplittableRandom random = new SplittableRandom(3);
        for (int d : new int[] {1, 3, 7, 8, 16, 17, 33, 384, 1024}) {
            for (int n : new int[] {1, 9, 1000}) {
                float[] x = gaussian(n * d, random);
                float[] q = gaussian(d + 5, random);
                float[] expected = new float[n];
                float[] actual = new float[n];
                reference.dot(x, n, d, q, 5, expected);
                kernels().dot(x, n, d, q, 5, actual);
                // Rounding scales with ||x_i||·||q|| (see ScoreKernels#dot).
                float[] norms = new float[n];
                reference.squaredDistances(x, n, d, new float[d], 0, norms);
                float[] qNorm = new float[1];
                reference.squaredDistances(new float[d], 1, d, q, 5, qNorm);
                for (int i = 0; i < n; i++) {
                    float bound = ScoreKernels.SCORE_TOLERANCE * Math.max(1f, (float) Math.sqrt(norms[i] * qNorm[0]));
                    assertTrue(Math.abs(actual[i] - expected[i]) <= bound, "dot n=" + n + " d=" + d + " row " + i);
                }
                close("squared distance n=" + n + " d=" + d, n, out -> kernels().squaredDistances(x, n, d, q, 5, out),
                        out -> reference.squaredDistances(x, n, d, q, 5, out));
            }
        }
    }

    @Test
    void kCenterStepMatchesTheReferenceExactlyOnIntegerFeatures() {
        // Small integers make every distance exact in float, so both backends must pick the very same rows,
        // including the lowest index among duplicated (tied) rows.
        SplittableRandom random = new SplittableRandom(11);
        for (int d : new int[] {1, 2, 8, 17, 384}) {
            for (int n : new int[] {1, 5, 64, 3001, 200_003}) {
                if ((long) n * d > 20_000_000) {
                    continue;
                }
                float[] x = new float[n * d];
                for (int j = 0; j < x.length; j++) {
                    x[j] = random.nextInt(7) - 3;
                }
                float[] expectedDist = new float[n];
                float[] actualDist = new float[n];
                Arrays.fill(expectedDist, Float.POSITIVE_INFINITY);
                Arrays.fill(actualDist, Float.POSITIVE_INFINITY);
                int expectedCenter = 0;
                int actualCenter = 0;
                for (int pick = 0; pick < 6; pick++) {
                    expectedCenter = reference.updateMinDistances(x, n, d, x, expectedCenter * d, expectedDist);
                    actualCenter = kernels().updateMinDistances(x, n, d, x, actualCenter * d, actualDist);
                    assertEquals(expectedCenter, actualCenter, "center " + pick + " n=" + n + " d=" + d);
                    assertArrayEquals(expectedDist, actualDist, "min distances n=" + n + " d=" + d);
                }
            }
        }
    }

    @Test
    void kCenterSearchTakesTheReferenceStepsAndClosesForGood() {
        SplittableRandom random = new SplittableRandom(17);
        for (int d : new int[] {1, 17, 384}) {
            for (int n : new int[] {1, 7, 3001, 100_003}) {
                if ((long) n * d > 20_000_000) {
                    continue;
                }
                float[] x = new float[n * d];
                for (int j = 0; j < x.length; j++) {
                    x[j] = random.nextInt(5) - 2;
                }
                float[] expected = new float[n];
                Arrays.fill(expected, Float.POSITIVE_INFINITY);
                KCenterSearch search = kernels().kCenter(x, n, d);
                try (search) {
                    assertArrayEquals(expected, search.distances(), "before any center");
                    int center = n / 2;
                    for (int pick = 0; pick < 5; pick++) {
                        int next = reference.updateMinDistances(x, n, d, x, center * d, expected);
                        assertEquals(next, search.add(center), "pick " + pick + " n=" + n + " d=" + d);
                        assertArrayEquals(expected, search.distances(), "distances n=" + n + " d=" + d);
                        center = next;
                    }
                }
                assertThrows(IllegalStateException.class, () -> search.add(0));
            }
        }
    }

    @Test
    void kCenterStepOnRealValuedFeaturesPicksTheArgmaxOfItsOwnDistances() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 50_001;
        int d = 19;
        float[] x = gaussian(n * d, random);
        float[] expectedDist = new float[n];
        float[] actualDist = new float[n];
        Arrays.fill(expectedDist, Float.POSITIVE_INFINITY);
        Arrays.fill(actualDist, Float.POSITIVE_INFINITY);
        int center = 0;
        for (int pick = 0; pick < 5; pick++) {
            reference.updateMinDistances(x, n, d, x, center * d, expectedDist);
            int next = kernels().updateMinDistances(x, n, d, x, center * d, actualDist);
            assertWithin("min distances pick " + pick, expectedDist, actualDist);
            int[] own = new int[1];
            reference.topB(actualDist, n, 1, true, own);
            assertEquals(own[0], next, "the step returns the first maximum of its distances");
            center = next;
        }
    }

    private static float[] gaussian(int size, SplittableRandom random) {
        float[] values = new float[size];
        for (int j = 0; j < size; j++) {
            values[j] = (float) random.nextGaussian();
        }
        return values;
    }

    private interface Fill {
        void into(float[] out);
    }

    private static void exact(String what, int n, Fill actual, Fill expected) {
        float[][] both = run(n, actual, expected);
        assertArrayEquals(both[1], both[0], what);
    }

    private static void close(String what, int n, Fill actual, Fill expected) {
        float[][] both = run(n, actual, expected);
        assertWithin(what, both[1], both[0]);
    }

    /** Runs both into buffers pre-filled with NaN, so an unwritten row cannot pass. */
    private static float[][] run(int n, Fill actual, Fill expected) {
        float[] a = new float[n];
        float[] e = new float[n];
        Arrays.fill(a, Float.NaN);
        Arrays.fill(e, Float.NaN);
        actual.into(a);
        expected.into(e);
        return new float[][] {a, e};
    }

    static void assertWithin(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            float bound = ScoreKernels.SCORE_TOLERANCE * Math.max(1f, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
                fail(what + ": row " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
