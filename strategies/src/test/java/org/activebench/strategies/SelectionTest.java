package org.activebench.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;
import org.junit.jupiter.api.Test;

/** A backend whose scores are off by up to the tolerance still yields the reference's picks. */
class SelectionTest {
    private static final ScoreKernels REFERENCE = new ScalarKernels();

    /** The reference, with every entropy moved by a pseudo-random amount within half the tolerance. */
    private static ScoreKernels perturbed(long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        return (ScoreKernels) Proxy.newProxyInstance(ScoreKernels.class.getClassLoader(),
                new Class<?>[] {ScoreKernels.class}, (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return "perturbed";
                    }
                    Object result = method.invoke(REFERENCE, args);
                    if (method.getName().equals("entropy")) {
                        float[] out = (float[]) args[3];
                        for (int i = 0; i < out.length; i++) {
                            float bound = 0.5f * ScoreKernels.SCORE_TOLERANCE * Math.max(1f, out[i]);
                            out[i] += (float) ((noise.nextDouble() * 2 - 1) * bound);
                        }
                    }
                    return result;
                });
    }

    @Test
    void nearTiesAreDecidedByTheReference() {
        SplittableRandom random = new SplittableRandom(1);
        int k = 4;
        int n = 3000;
        float[] p = new float[n * k];
        // 30 distinct rows, each repeated 100 times with one-ulp changes: entropies tie or nearly tie everywhere.
        for (int i = 0; i < n; i++) {
            SplittableRandom row = new SplittableRandom(i % 30);
            float sum = 0;
            for (int c = 0; c < k; c++) {
                p[i * k + c] = row.nextFloat() + 0.1f;
                sum += p[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] /= sum;
                if (random.nextInt(3) == 0) {
                    p[i * k + c] = Math.nextUp(p[i * k + c]);
                }
            }
        }
        float[] exact = new float[n];
        REFERENCE.entropy(p, n, k, exact);
        boolean backendAloneWouldDiffer = false;
        for (int batch : new int[] {1, 7, 50, 150, 1000}) {
            ScoreKernels backend = perturbed(batch);
            float[] scores = new float[n];
            backend.entropy(p, n, k, scores);
            int[] expected = new int[batch];
            REFERENCE.topB(exact, n, batch, true, expected);
            int[] unarbitrated = new int[batch];
            backend.topB(scores, n, batch, true, unarbitrated);
            backendAloneWouldDiffer |= !Arrays.equals(expected, unarbitrated);
            int[] picked = Selection.top(backend, scores, n, batch, true, (reference, positions, out) ->
                    reference.entropy(Selection.rows(p, k, positions), positions.length, k, out));
            assertArrayEquals(expected, picked, "batch " + batch);
        }
        assertTrue(backendAloneWouldDiffer, "the fixture must contain near-ties that the perturbation reorders");
    }
}
