package org.activebench.strategies;

import java.util.Set;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Parameters;

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

        /**
         * The measure of one row of double probabilities, ordered as exact arithmetic orders it: the largest
         * probability's complement is summed from the others (1 - p₍₁₎ would round to 0 for a sure row), so
         * least confidence is Σ_{c≠top} p_c, entropy takes -p₍₁₎·log1p(-Σ_{c≠top} p_c) for the top class, and
         * margin, p₍₁₎ - p₍₂₎ = 1 - 2p₍₂₎ - Σ_{rest} p_c, is ranked as -(2p₍₂₎ + Σ_{rest} p_c), smallest first
         * like the margin itself.
         */
        double exact(double[] p, int from, int k) {
            int top = from;
            for (int c = from + 1; c < from + k; c++) {
                if (p[c] > p[top]) {
                    top = c;
                }
            }
            double others = 0;
            int second = -1;
            for (int c = from; c < from + k; c++) {
                if (c != top) {
                    others += p[c];
                    if (second < 0 || p[c] > p[second]) {
                        second = c;
                    }
                }
            }
            return switch (this) {
                case LEAST_CONFIDENCE -> others;
                case MARGIN -> second < 0 ? -0.0 : -(others + p[second]);
                case ENTROPY -> {
                    double h = -p[top] * Math.log1p(-others);
                    for (int c = from; c < from + k; c++) {
                        if (c != top && p[c] > 0) {
                            h -= p[c] * Math.log(p[c]);
                        }
                    }
                    yield h;
                }
            };
        }
    }

    @Override
    public int[] select(QueryContext context, int batch) {
        int n = context.unlabelled().length;
        int k = context.k();
        float[] p = teacher ? context.teacherProbabilities() : context.probabilities();
        float[] scores = new float[n];
        measure.score(context.kernels(), p, n, k, scores);
        Selection.Rescorer rescorer = teacher
                ? Selection.reference((reference, positions, out) -> measure.score(reference, Selection.rows(p, k, positions),
                        positions.length, k, out))
                : (positions, out) -> { // near-ties re-decided from the model's double-precision probabilities
                    double[] exact = new double[positions.length * k];
                    context.model().predictProba(context.x(), context.d(), context.rowsAt(positions), exact);
                    for (int j = 0; j < positions.length; j++) {
                        out[j] = measure.exact(exact, j * k, k);
                    }
                };
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, measure.largestFirst, rescorer,
                context.tieBreak(0)));
    }

    /** Declares {@code least_confidence}. */
    public static final class LeastConfidence implements StrategyProvider {
        @Override
        public String name() {
            return "least_confidence";
        }

        @Override
        public String description() {
            return "the model's least sure rows by 1 - max p";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new UncertaintySampling(Measure.LEAST_CONFIDENCE, false);
        }
    }

    /** Declares {@code entropy}. */
    public static final class Entropy implements StrategyProvider {
        @Override
        public String name() {
            return "entropy";
        }

        @Override
        public String description() {
            return "the model's least sure rows by the entropy of p (nats)";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new UncertaintySampling(Measure.ENTROPY, false);
        }
    }

    /** Declares {@code margin}. */
    public static final class Margin implements StrategyProvider {
        @Override
        public String name() {
            return "margin";
        }

        @Override
        public String description() {
            return "the model's least sure rows by the smallest margin p1 - p2";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new UncertaintySampling(Measure.MARGIN, false);
        }
    }

    /** Declares {@code teacher_entropy}. */
    public static final class TeacherEntropy implements StrategyProvider {
        @Override
        public String name() {
            return "teacher_entropy";
        }

        @Override
        public String description() {
            return "the teacher's least sure rows by entropy (needs no model: a cold start)";
        }

        @Override
        public Set<Capability> capabilities(Parameters p) {
            return Set.of(Capability.NEEDS_TEACHER);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new UncertaintySampling(Measure.ENTROPY, true);
        }
    }
}
