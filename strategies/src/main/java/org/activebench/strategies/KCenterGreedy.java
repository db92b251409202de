package org.activebench.strategies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activebench.core.kernels.KCenterSearch;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.spi.Parameters;

/**
 * Core-set selection (Sener and Savarese, 2018), k-center greedy: each pick is the unlabelled row farthest (squared
 * L2 in feature space) from every labelled row and every earlier pick. Incremental: one search per trial keeps
 * each pool row's distance to its nearest center, so a pick costs one fused pass over the pool (on the device for a
 * GPU backend), and rows labelled in earlier rounds are never measured again.
 */
final class KCenterGreedy implements QueryStrategy {
    @Override
    public int[] select(QueryContext context, int batch) {
        Search search = context.trial().remember("k_center", () -> new Search(context.trial()));
        search.addCenters(context.labelled());
        int[] picks = new int[batch];
        for (int j = 0; j < batch; j++) {
            picks[j] = search.farthest(context.tieBreak(j, search::row));
            search.addCenters(new int[] {picks[j]});
        }
        return picks;
    }

    /**
     * The trial's search over its pool rows. A backend's distances may differ from the reference's in the last bits,
     * so its farthest row only narrows the field: every row within a band of it is remeasured by the reference
     * against all centers, which decides, as {@link Selection} does for scores; rows exactly as far (duplicates)
     * go by the trial's {@link Ties} rule.
     */
    private static final class Search implements AutoCloseable {
        private static final ScoreKernels REFERENCE = new ScalarKernels();
        private final TrialState trial;
        private final int[] pool;
        private final float[] rows;
        private final KCenterSearch search;
        private final boolean[] center;
        private float[] centers = new float[0];
        private int centerCount;

        Search(TrialState trial) {
            this.trial = trial;
            this.pool = trial.pool();
            this.rows = trial.featuresOf(pool);
            this.search = trial.kernels().kCenter(rows, pool.length, trial.d());
            this.center = new boolean[pool.length];
        }

        void addCenters(int[] labelled) {
            int d = trial.d();
            for (int row : labelled) {
                int position = Arrays.binarySearch(pool, row);
                if (position < 0) {
                    throw new IllegalStateException("row " + row + " is not in the pool");
                }
                if (center[position]) {
                    continue;
                }
                center[position] = true;
                if ((centerCount + 1) * d > centers.length) {
                    centers = Arrays.copyOf(centers, Math.max(d, 2 * centers.length));
                }
                System.arraycopy(rows, position * d, centers, centerCount * d, d);
                centerCount++;
                search.add(position);
            }
        }

        int row(int position) {
            return pool[position];
        }

        /** The pool row farthest from every center, as the reference would pick it. */
        int farthest(Selection.TieBreak ties) {
            float[] distances = search.distances();
            float top = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < distances.length; i++) {
                if (!center[i] && distances[i] > top) {
                    top = distances[i];
                }
            }
            boolean exactDistances = trial.kernels() instanceof ScalarKernels;
            float bound = exactDistances ? top : top - 2 * Selection.BAND * Math.max(1f, top);
            int d = trial.d();
            float[] exact = new float[centerCount];
            List<Integer> farthest = new ArrayList<>();
            float bestDistance = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < distances.length; i++) {
                if (center[i] || distances[i] < bound) {
                    continue;
                }
                float nearest = distances[i];
                if (!exactDistances) {
                    REFERENCE.squaredDistances(centers, centerCount, d, rows, i * d, exact);
                    nearest = Float.POSITIVE_INFINITY;
                    for (float e : exact) {
                        nearest = Math.min(nearest, e);
                    }
                }
                if (nearest > bestDistance) {
                    bestDistance = nearest;
                    farthest.clear();
                }
                if (nearest == bestDistance) {
                    farthest.add(i);
                }
            }
            int[] tied = farthest.stream().mapToInt(Integer::intValue).toArray();
            return pool[ties.choose(tied, 1)[0]];
        }

        @Override
        public void close() {
            search.close();
        }
    }

    /** Declares {@code k_center}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "k_center";
        }

        @Override
        public String description() {
            return "core-set (Sener & Savarese 2018): farthest-first from every labelled row in feature space";
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new KCenterGreedy();
        }
    }
}
