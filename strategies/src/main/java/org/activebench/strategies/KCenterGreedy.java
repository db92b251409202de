package org.activebench.strategies;

import java.util.Arrays;
import org.activebench.core.kernels.KCenterSearch;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.kernels.ScoreKernels;

/**
 * Core-set selection (Sener and Savarese, 2018), k-center greedy: each pick is the unlabelled row farthest (squared
 * L2 in feature space) from every labelled row and every earlier pick. Incremental: one search per trial keeps
 * each pool row's distance to its nearest center, so a pick costs one fused pass over the pool (on the device for a
 * GPU backend), and rows labelled in earlier rounds are never measured again.
 */
final class KCenterGreedy implements QueryStrategy {
    @Override
    public String name() {
        return "k_center";
    }

    @Override
    public int[] select(QueryContext context, int batch) {
        Search search = context.trial().remember(name(), () -> new Search(context.trial()));
        search.addCenters(context.labelled());
        int[] picks = new int[batch];
        for (int j = 0; j < batch; j++) {
            picks[j] = search.farthest();
            search.addCenters(new int[] {picks[j]});
        }
        return picks;
    }

    /**
     * The trial's search over its pool rows. A backend's distances may differ from the reference's in the last bits,
     * so its farthest row only narrows the field: every row within a band of it is remeasured by the reference
     * against all centers, which decides (ties to the lower row), as {@link Selection} does for scores.
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
        private int farthest = -1;

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
                farthest = search.add(position);
            }
        }

        /** The pool row farthest from every center, as the reference would pick it. */
        int farthest() {
            float[] distances = search.distances();
            int best = farthest;
            if (center[best] || !(trial.kernels() instanceof ScalarKernels)) {
                best = arbitrate(distances);
            }
            return pool[best];
        }

        private int arbitrate(float[] distances) {
            float top = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < distances.length; i++) {
                if (!center[i] && distances[i] > top) {
                    top = distances[i];
                }
            }
            float bound = top - 2 * Selection.BAND * Math.max(1f, top);
            int d = trial.d();
            float[] exact = new float[centerCount];
            int best = -1;
            float bestDistance = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < distances.length; i++) {
                if (center[i] || distances[i] < bound) {
                    continue;
                }
                REFERENCE.squaredDistances(centers, centerCount, d, rows, i * d, exact);
                float nearest = Float.POSITIVE_INFINITY;
                for (float e : exact) {
                    nearest = Math.min(nearest, e);
                }
                if (nearest > bestDistance) {
                    bestDistance = nearest;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public void close() {
            search.close();
        }
    }
}
