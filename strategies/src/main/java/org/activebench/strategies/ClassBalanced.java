package org.activebench.strategies;

import java.util.Arrays;
import org.activebench.core.spi.Parameters;

/**
 * Class-balanced uncertainty: the batch is shared out among the classes the model predicts so that the labelled
 * set moves towards equal class counts (each slot goes to the class with the fewest labels plus slots so far, the
 * lower class on ties, among classes that still have candidates), and within each class the rows of highest
 * entropy are taken. On imbalanced data this keeps rare classes from being starved by the uncertain majority.
 */
final class ClassBalanced implements QueryStrategy {
    @Override
    public int[] select(QueryContext context, int batch) {
        int n = context.unlabelled().length;
        int k = context.k();
        float[] p = context.probabilities();
        int[] predicted = new int[n];
        context.kernels().argmax(p, n, k, predicted);
        int[] candidates = new int[k];
        for (int c : predicted) {
            candidates[c]++;
        }
        int[] have = new int[k];
        for (int label : context.labels()) {
            have[label]++;
        }
        int[] quota = quotas(have, candidates, batch);
        float[] scores = new float[n];
        context.kernels().entropy(p, n, k, scores);
        int[] picks = new int[batch];
        int filled = 0;
        for (int c = 0; c < k; c++) {
            if (quota[c] == 0) {
                continue;
            }
            int[] members = new int[candidates[c]];
            for (int i = 0, m = 0; i < n; i++) {
                if (predicted[i] == c) {
                    members[m++] = i;
                }
            }
            float[] memberScores = new float[members.length];
            for (int m = 0; m < members.length; m++) {
                memberScores[m] = scores[members[m]];
            }
            int[] best = Selection.top(context.kernels(), memberScores, members.length, quota[c], true,
                    Selection.reference((reference, positions, out) -> {
                        int[] rows = new int[positions.length];
                        for (int j = 0; j < positions.length; j++) {
                            rows[j] = members[positions[j]];
                        }
                        reference.entropy(Selection.rows(p, k, rows), rows.length, k, out);
                    }), context.tieBreak(c).over(members));
            for (int m : best) {
                picks[filled++] = members[m];
            }
        }
        return context.rowsAt(picks);
    }

    /** Slots per class: water-filling towards equal labelled counts, capped by each class's candidates. */
    static int[] quotas(int[] have, int[] candidates, int batch) {
        int[] quota = new int[have.length];
        for (int slot = 0; slot < batch; slot++) {
            int best = -1;
            for (int c = 0; c < have.length; c++) {
                if (quota[c] < candidates[c] && (best < 0 || have[c] + quota[c] < have[best] + quota[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("batch " + batch + " exceeds the pool " + Arrays.stream(candidates).sum());
            }
            quota[best]++;
        }
        return quota;
    }

    /** Declares {@code class_balanced_entropy}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "class_balanced_entropy";
        }

        @Override
        public String description() {
            return "highest entropy within each predicted class, batch shared out towards equal class counts";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new ClassBalanced();
        }
    }
}
