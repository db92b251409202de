package org.activebench.strategies;

import java.util.stream.IntStream;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;

/**
 * Top-b selection over pool scores, shared by the scoring strategies, with the picks exact arithmetic gives
 * whatever the backend. Float scores only narrow the field: a fast backend's scores may differ from the
 * reference's in the last bits (its log is not {@code Math.log}), and float itself rounds (a binary model's margin
 * saturates at |logit| ≈ 17, rows 6e-8 apart tie). So every row whose score lies within a band of the b-th best,
 * wide enough to hold any backend error and a few float roundings, is rescored in double ({@link Rescorer}: from
 * the model's double-precision probabilities where it has them, else by the scalar reference), and the double
 * scores rank them. The band holds a handful of rows, so this costs O(b·k) work per query.
 * <p>
 * Rows that tie exactly with the b-th best (a committee's vote entropy takes a few values, a forest's
 * probabilities are multiples of 1/trees) are chosen by the trial's {@link Ties} rule. Rows strictly better are
 * all taken, best first; the rule fills the rest, so picks still depend only on the seed.
 */
final class Selection {
    /** Half-width of the band, relative to max(1, |score|): 100 times the tolerance every backend is tested to. */
    static final float BAND = 100 * ScoreKernels.SCORE_TOLERANCE;
    /** Float roundings a score may carry from its probabilities: rows this close are re-decided in double. */
    private static final int ROUNDINGS = 8;
    private static final ScoreKernels REFERENCE = new ScalarKernels();

    /** Scores the given pool positions (ascending) exactly, in double, into {@code out}. */
    interface Rescorer {
        void score(int[] positions, double[] out);
    }

    /** A rescorer by the scalar reference kernels, whose float scores are what every backend is tested against. */
    interface ReferenceScorer {
        void score(ScoreKernels reference, int[] positions, float[] out);
    }

    /** How the tied rows of one selection are chosen: the trial's rule, how positions map to rows, the draw's seed. */
    record TieBreak(Ties ties, Ties.RowOf rowOf, long seed) {
        int[] choose(int[] tied, int count) {
            return ties.choose(tied, count, rowOf, seed);
        }

        /** The same rule over a subset: position j here is position {@code positions[j]} of this one. */
        TieBreak over(int[] positions) {
            return new TieBreak(ties, j -> rowOf.row(positions[j]), seed);
        }
    }

    private Selection() {
    }

    static Rescorer reference(ReferenceScorer scorer) {
        return (positions, out) -> {
            float[] scores = new float[positions.length];
            scorer.score(REFERENCE, positions, scores);
            for (int j = 0; j < scores.length; j++) {
                out[j] = scores[j];
            }
        };
    }

    /** Positions of the {@code batch} best scores, best first; ties with the last place chosen by {@code ties}. */
    static int[] top(ScoreKernels kernels, float[] scores, int n, int batch, boolean largest, Rescorer rescorer,
                     TieBreak ties) {
        requireOrderable(scores, n);
        int[] positions = new int[batch];
        kernels.topB(scores, n, batch, largest, positions);
        float threshold = scores[positions[batch - 1]];
        float band = kernels instanceof ScalarKernels ? ROUNDINGS * Math.ulp(threshold)
                : 2 * BAND * Math.max(1f, Math.abs(threshold));
        // An infinite threshold has no band (Inf - Inf is NaN): only the rows equal to it are candidates.
        float bound = Float.isInfinite(threshold) ? threshold : largest ? threshold - band : threshold + band;
        int[] candidates = within(scores, n, bound, largest);
        double[] exact = new double[candidates.length];
        rescorer.score(candidates, exact);
        Integer[] ranked = new Integer[candidates.length];
        for (int j = 0; j < ranked.length; j++) {
            ranked[j] = j;
        }
        java.util.Arrays.sort(ranked, (a, b) -> largest ? Double.compare(exact[b], exact[a]) : Double.compare(exact[a], exact[b]));
        double last = exact[ranked[batch - 1]];
        int better = 0;
        while (better < batch && exact[ranked[better]] != last) {
            better++;
        }
        for (int j = 0; j < better; j++) {
            positions[j] = candidates[ranked[j]];
        }
        int[] tied = IntStream.range(0, candidates.length).filter(j -> exact[j] == last).map(j -> candidates[j]).toArray();
        int[] chosen = ties.choose(tied, batch - better);
        System.arraycopy(chosen, 0, positions, better, chosen.length);
        return positions;
    }
    /** NaN has no place in an order; +/-Infinity are ordinary values (the largest and smallest). */
    static void requireOrderable(float[] scores, int n) {
        int nan = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                nan++;
            }
        }
        if (nan > 0) {
            throw new IllegalArgumentException("the strategy's scores are NaN for " + nan + " of " + n
                    + " unlabelled rows; a score must be a number (+/-Infinity are allowed)");
        }
    }

    /** Ascending positions whose score is at least (largest) or at most (smallest) the bound. */
    private static int[] within(float[] scores, int n, float bound, boolean largest) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (largest ? scores[i] >= bound : scores[i] <= bound) {
                count++;
            }
        }
        int[] positions = new int[count];
        for (int i = 0, j = 0; i < n; i++) {
            if (largest ? scores[i] >= bound : scores[i] <= bound) {
                positions[j++] = i;
            }
        }
        return positions;
    }

    /** For scores computed without the kernels, hence the same on every backend: the rescorer reads them back. */
    static Rescorer exact(float[] scores) {
        return (positions, out) -> {
            for (int j = 0; j < positions.length; j++) {
                out[j] = scores[positions[j]];
            }
        };
    }

    /** The rows at the given positions of a row-major n x k array, packed. */
    static float[] rows(float[] p, int k, int[] positions) {
        float[] packed = new float[positions.length * k];
        for (int j = 0; j < positions.length; j++) {
            System.arraycopy(p, positions[j] * k, packed, j * k, k);
        }
        return packed;
    }
}
