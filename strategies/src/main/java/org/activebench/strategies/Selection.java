package org.activebench.strategies;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;

/**
 * Top-b selection over pool scores, shared by the scoring strategies, with the picks of the scalar reference
 * whatever the backend. A fast backend's scores may differ from the reference's in the last bits (its log is not
 * {@code Math.log}), which could swap two rows whose scores nearly tie. So the backend's top-b only narrows the
 * field: every row whose score lies within a band of the b-th best, wide enough to hold any backend error, is
 * rescored by the reference, and the reference ranks them. The band holds a handful of rows, so this costs
 * O(b·k) scalar work per query.
 * <p>
 * Rows that tie exactly with the b-th best (a committee's vote entropy takes a few values, a forest's
 * probabilities are multiples of 1/trees) are chosen by a seeded draw, not by row index: data files are often
 * sorted by class, and the lowest rows would then hand every tie to one class. Rows strictly better are all taken,
 * best first; the draw fills the rest, so picks still depend only on the seed.
 */
final class Selection {
    /** Half-width of the band, relative to max(1, |score|): 100 times the tolerance every backend is tested to. */
    static final float BAND = 100 * ScoreKernels.SCORE_TOLERANCE;
    private static final ScoreKernels REFERENCE = new ScalarKernels();

    /** Scores the given pool positions (ascending) with the reference kernels, into {@code out}. */
    interface Rescorer {
        void score(ScoreKernels reference, int[] positions, float[] out);
    }

    private Selection() {
    }

    /**
     * Positions of the {@code batch} best scores, best first; ties with the last place drawn with {@code seed}.
     */
    static int[] top(ScoreKernels kernels, float[] scores, int n, int batch, boolean largest, Rescorer rescorer,
                     long seed) {
        int[] positions = new int[batch];
        kernels.topB(scores, n, batch, largest, positions);
        float threshold = scores[positions[batch - 1]];
        boolean exactScores = kernels instanceof ScalarKernels;
        float band = exactScores ? 0 : 2 * BAND * Math.max(1f, Math.abs(threshold));
        int[] candidates = within(scores, n, largest ? threshold - band : threshold + band, largest);
        float[] exact = new float[candidates.length];
        if (exactScores) {
            for (int j = 0; j < candidates.length; j++) {
                exact[j] = scores[candidates[j]];
            }
        } else {
            rescorer.score(REFERENCE, candidates, exact);
        }
        int[] ranked = new int[batch];
        REFERENCE.topB(exact, candidates.length, batch, largest, ranked);
        float last = exact[ranked[batch - 1]];
        int better = 0;
        while (better < batch && exact[ranked[better]] != last) {
            better++;
        }
        for (int j = 0; j < better; j++) {
            positions[j] = candidates[ranked[j]];
        }
        int[] tied = IntStream.range(0, candidates.length).filter(j -> exact[j] == last).map(j -> candidates[j]).toArray();
        if (tied.length == batch - better) { // the whole tie group fits: nothing to draw
            System.arraycopy(tied, 0, positions, better, tied.length);
            return positions;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = better; j < batch; j++) {
            int pick = j - better + random.nextInt(tied.length - (j - better));
            int chosen = tied[pick];
            tied[pick] = tied[j - better];
            tied[j - better] = chosen;
            positions[j] = chosen;
        }
        return positions;
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
        return (reference, positions, out) -> {
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
