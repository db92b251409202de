package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Panama kernels splitting rows across three threads: conformant, and bit-identical to one thread. */
class ThreadedPanamaKernelsTest extends KernelConformanceTest {
    private final ScoreKernels threaded = KernelProvider.byName("panama", 3);
    private final ScoreKernels single = KernelProvider.byName("panama", 1);

    @Override
    ScoreKernels kernels() {
        return threaded;
    }

    @Test
    void threadCountNeverChangesAResult() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 400_003;
        int k = 10;
        float[] p = new float[n * k];
        for (int j = 0; j < p.length; j++) {
            p[j] = random.nextFloat();
        }
        float[][] members = {p, Arrays.copyOf(p, p.length), shuffled(p, random)};
        for (Op op : Op.values()) {
            float[] a = new float[n];
            float[] b = new float[n];
            op.run(single, p, members, n, k, a);
            op.run(threaded, p, members, n, k, b);
            assertArrayEquals(a, b, op.name());
        }
        int[] a = new int[1000];
        int[] b = new int[1000];
        single.topB(p, p.length, 1000, true, a);
        threaded.topB(p, p.length, 1000, true, b);
        assertArrayEquals(a, b, "top-b");
        int d = 16;
        float[] minA = new float[p.length / d];
        float[] minB = new float[p.length / d];
        Arrays.fill(minA, Float.POSITIVE_INFINITY);
        Arrays.fill(minB, Float.POSITIVE_INFINITY);
        for (int pick = 0, ca = 0, cb = 0; pick < 4; pick++) {
            ca = single.updateMinDistances(p, minA.length, d, p, ca * d, minA);
            cb = threaded.updateMinDistances(p, minB.length, d, p, cb * d, minB);
            assertEquals(ca, cb, "k-center pick " + pick);
            assertArrayEquals(minA, minB, "k-center distances " + pick);
        }
    }

    private enum Op {
        LEAST_CONFIDENCE, MARGIN, ENTROPY, LOGIT_ENTROPY, VOTE_ENTROPY, KL_MEAN, KL_MAX, DOT, SQUARED_DISTANCE;

        void run(ScoreKernels kernels, float[] p, float[][] members, int n, int k, float[] out) {
            switch (this) {
                case LEAST_CONFIDENCE -> kernels.leastConfidence(p, n, k, out);
                case MARGIN -> kernels.margin(p, n, k, out);
                case ENTROPY -> kernels.entropy(p, n, k, out);
                case LOGIT_ENTROPY -> kernels.entropyFromLogits(p, n, k, out);
                case VOTE_ENTROPY -> kernels.voteEntropy(members, n, k, out);
                case KL_MEAN -> kernels.klToConsensus(members, n, k, false, out);
                case KL_MAX -> kernels.klToConsensus(members, n, k, true, out);
                case DOT -> kernels.dot(p, n, k, p, 3 * k, out);
                case SQUARED_DISTANCE -> kernels.squaredDistances(p, n, k, p, 5 * k, out);
            }
        }
    }

    private static float[] shuffled(float[] p, SplittableRandom random) {
        float[] copy = p.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }
}
