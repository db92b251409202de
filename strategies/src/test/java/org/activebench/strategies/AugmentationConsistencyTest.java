package org.activebench.strategies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Map;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.learn.Model;
import org.activebench.core.spi.Registry;
import org.junit.jupiter.api.Test;

/** The consistency strategy queries the rows whose noisy copies the model answers differently. */
class AugmentationConsistencyTest {
    /** A 1-d threshold model: class 1 for x > 0, sure of it. */
    private static final Model STEP = (x, d, rows, out) -> {
        for (int i = 0; i < rows.length; i++) {
            boolean one = x[rows[i] * d] > 0;
            out[i * 2] = one ? 0 : 1;
            out[i * 2 + 1] = one ? 1 : 0;
        }
    };

    private static int[] picks(String disagreement, long seed) {
        float[] x = {-5, -0.01f, 6, 0.02f, 5, -4, 0.005f};
        int[] pool = {0, 1, 2, 3, 4, 5, 6};
        Registry<QueryStrategy> registry = Registry.load(StrategyProvider.class, "strategy",
                AugmentationConsistencyTest.class.getClassLoader());
        QueryStrategy consistency = registry.create("consistency", Map.of("copies", 9, "sigma", 0.1,
                "disagreement", disagreement), "strategies[0]").instance();
        try (TrialState trial = new TrialState(x, 1, 2, pool, null, new ScalarKernels(), null, null, Ties.RANDOM)) {
            QueryContext context = new QueryContext(trial, new int[] {0}, new int[] {0}, new int[] {1, 2, 3, 4, 5, 6},
                    STEP, seed);
            int[] picked = consistency.select(context, 3);
            Arrays.sort(picked);
            return picked;
        }
    }

    @Test
    void rowsNearTheBoundaryFlipUnderNoiseAndAreQueriedFarOnesNever() {
        // noise σ·s ≈ 0.1 · 4.5: the rows within 0.02 of the threshold flip in about half the copies, rows 4 or more
        // away never do
        for (long seed = 1; seed <= 5; seed++) {
            assertArrayEquals(new int[] {1, 3, 6}, picks("vote_entropy", seed), "seed " + seed);
            assertArrayEquals(new int[] {1, 3, 6}, picks("kl_mean", seed), "seed " + seed);
        }
    }
}
