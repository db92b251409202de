package org.activebench.strategies;

import java.util.Set;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Parameters;

/**
 * A skyline, not a strategy: it reads the pool's true labels (which no real strategy has) and queries the rows the
 * current model gets most wrong, those with the lowest probability on their true class. It bounds from above what
 * "pick the model's mistakes" can gain; configs must ask for it with {@code "skyline": true} and reports mark it.
 */
final class OracleSkyline implements QueryStrategy {
    @Override
    public int[] select(QueryContext context, int batch) {
        int[] unlabelled = context.unlabelled();
        int n = unlabelled.length;
        int k = context.k();
        float[] p = context.probabilities();
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = p[i * k + context.trueLabel(unlabelled[i])];
        }
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, false, Selection.exact(scores),
                context.tieBreak(0)));
    }

    /** Declares {@code oracle_skyline}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "oracle_skyline";
        }

        @Override
        public String description() {
            return "not a strategy: reads the true labels and picks the rows the model gets most wrong (needs \"skyline\": true)";
        }

        @Override
        public Set<Capability> capabilities(Parameters p) {
            return Set.of(Capability.READS_TRUE_LABELS);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new OracleSkyline();
        }
    }
}
