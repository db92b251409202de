package org.activebench.strategies;

import java.util.Locale;
import org.activebench.core.kernels.ScoreKernels;

/**
 * Queries the rows the current model is least sure about, by one of three measures of its probabilities; with
 * {@code teacher}, the rows the teacher (a large model's imported predictions) is least sure about, which needs no
 * fitted model and so serves from the cold start.
 */
record UncertaintySampling(Measure measure, boolean teacher) implements QueryStrategy {

    /** How uncertainty is read off one row of probabilities. */
    enum Measure {
        /** 1 - max p, largest first. */
        LEAST_CONFIDENCE(true),
        /** Shannon entropy in nats, largest first. */
        ENTROPY(true),
        /** p(1) - p(2), smallest first. */
        MARGIN(false);

        private final boolean largestFirst;

        Measure(boolean largestFirst) {
            this.largestFirst = largestFirst;
        }

        void score(ScoreKernels kernels, float[] p, int n, int k, float[] out) {
            switch (this) {
                case LEAST_CONFIDENCE -> kernels.leastConfidence(p, n, k, out);
                case ENTROPY -> kernels.entropy(p, n, k, out);
                case MARGIN -> kernels.margin(p, n, k, out);
            }
        }
    }

    @Override
    public String name() {
        return (teacher ? "teacher_" : "") + measure.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int[] select(QueryContext context, int batch) {
        int n = context.unlabelled().length;
        int k = context.k();
        float[] p = teacher ? context.teacherProbabilities() : context.probabilities();
        float[] scores = new float[n];
        measure.score(context.kernels(), p, n, k, scores);
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, measure.largestFirst,
                (reference, positions, out) -> measure.score(reference, Selection.rows(p, k, positions),
                        positions.length, k, out), context.tieSeed(0)));
    }
}
