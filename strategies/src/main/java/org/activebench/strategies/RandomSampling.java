package org.activebench.strategies;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.activebench.core.spi.Parameters;

/** The baseline: rows drawn uniformly without replacement, from the round's seed. */
record RandomSampling() implements QueryStrategy {
    @Override
    public int[] select(QueryContext context, int batch) {
        int[] positions = new int[context.unlabelled().length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        SplittableRandom random = new SplittableRandom(context.seed());
        for (int i = 0; i < batch; i++) { // partial Fisher-Yates: the first `batch` slots are the sample
            int j = i + random.nextInt(positions.length - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
        }
        return context.rowsAt(Arrays.copyOf(positions, batch));
    }

    /** Declares {@code random}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public String description() {
            return "uniformly at random (seeded per round): the baseline";
        }

        @Override
        public java.util.Set<org.activebench.core.spi.Capability> capabilities(Parameters params) {
            return java.util.Set.of(org.activebench.core.spi.Capability.BASELINE);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new RandomSampling();
        }
    }
}
