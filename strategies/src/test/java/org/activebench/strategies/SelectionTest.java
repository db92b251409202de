package org.activebench.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Positions are rows here. */
    private static Selection.TieBreak ties(Ties rule, long seed) {
        return new Selection.TieBreak(rule, position -> position, seed);
    }

    private static Selection.TieBreak draw(long seed) {
        return ties(Ties.RANDOM, seed);
    }

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
            int[] expected = Selection.top(REFERENCE, exact, n, batch, true, Selection.exact(exact), draw(5));
            int[] unarbitrated = new int[batch];
            backend.topB(scores, n, batch, true, unarbitrated);
            backendAloneWouldDiffer |= !Arrays.equals(expected, unarbitrated);
            int[] picked = Selection.top(backend, scores, n, batch, true, Selection.reference((reference, positions, out) ->
                    reference.entropy(Selection.rows(p, k, positions), positions.length, k, out)), draw(5));
            assertArrayEquals(expected, picked, "batch " + batch);
        }
        assertTrue(backendAloneWouldDiffer, "the fixture must contain near-ties that the perturbation reorders");
    }

    @Test
    void exactTiesAtTheBoundaryAreASeededDrawNotTheLowestRows() {
        // Rows 0..99 score 1 (a tie), rows 100..104 score 2: a batch of 10 takes the five 2s, best first by row,
        // then five of the hundred tied rows.
        int n = 105;
        float[] scores = new float[n];
        Arrays.fill(scores, 0, 100, 1f);
        Arrays.fill(scores, 100, n, 2f);
        int[] first = Selection.top(REFERENCE, scores, n, 10, true, Selection.exact(scores), draw(1));
        assertArrayEquals(new int[] {100, 101, 102, 103, 104}, Arrays.copyOf(first, 5));
        assertTrue(Arrays.stream(first, 5, 10).allMatch(r -> r < 100));
        assertEquals(10, Arrays.stream(first).distinct().count());
        assertArrayEquals(first, Selection.top(REFERENCE, scores, n, 10, true, Selection.exact(scores), draw(1)));
        int[] other = Selection.top(REFERENCE, scores, n, 10, true, Selection.exact(scores), draw(2));
        assertFalse(Arrays.equals(first, other), "another seed, another draw");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 5, 10), new int[] {0, 1, 2, 3, 4}), "not the lowest rows");
        // Whole tie groups inside the batch keep rank order with rows ascending: nothing is left to chance.
        assertArrayEquals(new int[] {100, 101, 102, 103, 104}, Selection.top(REFERENCE, scores, n, 5, true,
                Selection.exact(scores), draw(3)));
    }

    @Test
    void theIndexRuleTakesTheLowestTiedRowsAndPoolOrderTheFirstListed() {
        int n = 105;
        float[] scores = new float[n];
        Arrays.fill(scores, 0, 100, 1f);
        Arrays.fill(scores, 100, n, 2f);
        int[] byIndex = Selection.top(REFERENCE, scores, n, 8, true, Selection.exact(scores),
                ties(new Ties(Ties.Rule.INDEX, null), 1));
        assertArrayEquals(new int[] {100, 101, 102, 103, 104, 0, 1, 2}, byIndex);
        // a split file that lists the pool from the last row to the first: the highest tied rows come first
        int[] listed = java.util.stream.IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        int[] byPoolOrder = Selection.top(REFERENCE, scores, n, 8, true, Selection.exact(scores),
                ties(Ties.of(Ties.Rule.POOL_ORDER, listed, n), 1));
        assertArrayEquals(new int[] {100, 101, 102, 103, 104, 99, 98, 97}, byPoolOrder);
        assertArrayEquals(byPoolOrder, Selection.top(REFERENCE, scores, n, 8, true, Selection.exact(scores),
                ties(Ties.of(Ties.Rule.POOL_ORDER, listed, n), 2)), "no seed in pool_order");
    }

    @Test
    void floatTiesAreReDecidedByTheDoubleScores() {
        // six rows whose float scores are all 1 (a saturated margin), but whose exact scores differ
        int n = 6;
        float[] scores = new float[n];
        Arrays.fill(scores, 1f);
        double[] exact = {1 - 3e-9, 1 - 1e-9, 1 - 5e-9, 1 - 2e-9, 1 - 6e-9, 1 - 4e-9};
        Selection.Rescorer rescorer = (positions, out) -> {
            for (int j = 0; j < positions.length; j++) {
                out[j] = exact[positions[j]];
            }
        };
        for (long seed = 1; seed <= 5; seed++) { // smallest first: no draw is involved, whatever the seed
            assertArrayEquals(new int[] {4, 2, 5}, Selection.top(REFERENCE, scores, n, 3, false, rescorer, draw(seed)));
        }
    }
}
