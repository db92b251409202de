package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reference kernels against values computed by hand. */
class ScalarKernelsTest {
    private static final float EPS = 1e-6f;
    private final ScoreKernels kernels = new ScalarKernels();

    @Test
    void leastConfidenceAndMarginByHand() {
        float[] p = {
            0.7f, 0.2f, 0.1f,
            0.4f, 0.4f, 0.2f,   // tie for the maximum: margin 0
            1f, 0f, 0f,         // certain
            0.1f, 0.3f, 0.6f};
        float[] lc = new float[4];
        float[] margin = new float[4];
        kernels.leastConfidence(p, 4, 3, lc);
        kernels.margin(p, 4, 3, margin);
        assertArrayEquals(new float[] {0.3f, 0.6f, 0f, 0.4f}, lc, EPS);
        assertArrayEquals(new float[] {0.5f, 0f, 1f, 0.3f}, margin, EPS);
    }

    @Test
    void entropyInNatsWithZeroLogZero() {
        float[] p = {0.5f, 0.5f, 1f, 0f, 0.25f, 0.75f};
        float[] h = new float[3];
        kernels.entropy(p, 3, 2, h);
        double mixed = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertArrayEquals(new float[] {(float) Math.log(2), 0f, (float) mixed}, h, EPS);
    }

    @Test
    void singleClassIsCertain() {
        float[] p = {1f, 1f};
        float[] out = new float[2];
        kernels.leastConfidence(p, 2, 1, out);
        assertArrayEquals(new float[] {0f, 0f}, out);
        kernels.entropy(p, 2, 1, out);
        assertArrayEquals(new float[] {0f, 0f}, out);
        kernels.margin(p, 2, 1, out);
        assertArrayEquals(new float[] {1f, 1f}, out);
    }

    @Test
    void argmaxTakesTheLowestIndexAmongTies() {
        float[] p = {0.5f, 0.5f, 0f, 0.2f, 0.4f, 0.4f, 0f, 0f, 0f};
        int[] out = new int[3];
        kernels.argmax(p, 3, 3, out);
        assertArrayEquals(new int[] {0, 1, 0}, out);
    }

    @Test
    void voteEntropyFromHardVotes() {
        // Three members, two classes. Row 0: votes 2:1. Row 1: all agree. Row 2: member 2 ties -> votes class 0.
        float[][] members = {
            {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f},
            {0.8f, 0.2f, 0.1f, 0.9f, 0.3f, 0.7f},
            {0.4f, 0.6f, 0.3f, 0.7f, 0.5f, 0.5f}};
        float[] out = new float[3];
        kernels.voteEntropy(members, 3, 2, out);
        double twoToOne = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
        assertArrayEquals(new float[] {(float) twoToOne, 0f, (float) twoToOne}, out, EPS);
    }

    @Test
    void klToConsensusMeanAndMax() {
        float[][] members = {{1f, 0f, 0.5f, 0.5f}, {0f, 1f, 0.5f, 0.5f}};
        float[] mean = new float[2];
        float[] max = new float[2];
        kernels.klToConsensus(members, 2, 2, false, mean);
        kernels.klToConsensus(members, 2, 2, true, max);
        // Consensus (0.5, 0.5): KL((1,0) || consensus) = ln 2 for both members; identical members: 0.
        assertArrayEquals(new float[] {(float) Math.log(2), 0f}, mean, EPS);
        assertArrayEquals(new float[] {(float) Math.log(2), 0f}, max, EPS);

        float[][] uneven = {{0.9f, 0.1f}, {0.5f, 0.5f}, {0.5f, 0.5f}};
        kernels.klToConsensus(uneven, 1, 2, false, mean);
        kernels.klToConsensus(uneven, 1, 2, true, max);
        double q0 = (0.9 + 0.5 + 0.5) / 3;
        double[] kl = {kl(0.9, q0), kl(0.5, q0), kl(0.5, q0)};
        assertEquals((kl[0] + kl[1] + kl[2]) / 3, mean[0], EPS);
        assertEquals(kl[0], max[0], EPS);
    }

    /** KL((a, 1-a) || (q, 1-q)). */
    private static double kl(double a, double q) {
        return a * Math.log(a / q) + (1 - a) * Math.log((1 - a) / (1 - q));
    }

    @Test
    void topBOrdersBestFirstAndBreaksTiesByLowerIndex() {
        float[] scores = {0.2f, 0.9f, 0.5f, 0.9f, 0.1f, 0.5f, -0f, 0f};
        int[] out = new int[4];
        kernels.topB(scores, scores.length, 4, true, out);
        assertArrayEquals(new int[] {1, 3, 2, 5}, out);
        kernels.topB(scores, scores.length, 4, false, out);
        assertArrayEquals(new int[] {6, 7, 4, 0}, out, "-0 equals +0, so the lower index wins");
        int[] all = new int[scores.length];
        kernels.topB(scores, scores.length, scores.length, true, all);
        assertArrayEquals(new int[] {1, 3, 2, 5, 0, 4, 6, 7}, all);

        float[] signed = {-1f, 2f, Float.NEGATIVE_INFINITY, -0.5f, Float.POSITIVE_INFINITY, 0f};
        int[] order = new int[signed.length];
        kernels.topB(signed, signed.length, signed.length, true, order);
        assertArrayEquals(new int[] {4, 1, 5, 3, 0, 2}, order, "negative scores rank below positive ones");
        kernels.topB(signed, signed.length, signed.length, false, order);
        assertArrayEquals(new int[] {2, 0, 3, 5, 1, 4}, order);
    }

    @Test
    void entropyFromLogitsIsTheEntropyOfTheSoftmax() {
        float[] logits = {0f, 0f, 2f, -1f, 1000f, 1000f, 0f, -1e30f};
        float[] h = new float[4];
        kernels.entropyFromLogits(logits, 4, 2, h);
        double e = Math.exp(-3);
        double p = 1 / (1 + e);
        double mixed = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
        assertArrayEquals(new float[] {(float) Math.log(2), (float) mixed, (float) Math.log(2), 0f}, h, EPS,
                "shifting by the max keeps large logits finite; exp(-1e30) is an exact 0");
    }

    @Test
    void dotDistancesAndTheKCenterStepByHand() {
        float[] x = {0f, 0f, 3f, 4f, 1f, 1f, 3f, 4f};
        float[] q = {9f, 1f, 2f};
        float[] out = new float[4];
        kernels.dot(x, 4, 2, q, 1, out);
        assertArrayEquals(new float[] {0f, 11f, 3f, 11f}, out);
        kernels.squaredDistances(x, 4, 2, q, 1, out);
        assertArrayEquals(new float[] {5f, 8f, 1f, 8f}, out);
        float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 0f};
        assertEquals(1, kernels.updateMinDistances(x, 4, 2, x, 0, min), "rows 1 and 3 are equally far: lower wins");
        assertArrayEquals(new float[] {0f, 25f, 2f, 0f}, min, "row 3 stays at 0: it is a center already");
        assertEquals(2, kernels.updateMinDistances(x, 4, 2, x, 2, min));
        assertArrayEquals(new float[] {0f, 0f, 2f, 0f}, min);
    }

    @Test
    void topBRejectsABatchOutsideThePool() {
        assertThrows(IllegalArgumentException.class, () -> kernels.topB(new float[3], 3, 4, true, new int[4]));
        assertThrows(IllegalArgumentException.class, () -> kernels.topB(new float[3], 3, 0, true, new int[0]));
    }
}
