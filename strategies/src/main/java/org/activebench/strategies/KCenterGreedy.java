package org.activebench.strategies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activebench.core.kernels.KCenterSearch;
import org.activebench.core.kernels.ScalarKernels;
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
     * against the centers, which decides, as {@link Selection} does for scores; rows exactly as far (duplicates)
     * go by the trial's {@link Ties} rule. A row's reference distance is kept with the number of centers it covers,
     * so a later remeasure adds only the centers since (a minimum over more centers is the minimum of the two): the
     * re-check costs the new centers, not all of them, and a pick stays close to one fused pass in every round.
     */
    private static final class Search implements AutoCloseable {
        private final TrialState trial;
        private final int[] pool;
        private final float[] rows;
        private final KCenterSearch search;
        private final boolean[] center;
        private float[] centers = new float[0];
        private int centerCount;
        private float[] exactNearest; // per pool position: the reference's distance to its nearest of the first
        private int[] exactCovers;    // exactCovers[i] centers; both made when a non-reference backend first needs them

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
            List<Integer> farthest = new ArrayList<>();
            float bestDistance = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < distances.length; i++) {
                if (center[i] || distances[i] < bound) {
                    continue;
                }
                float nearest = exactDistances ? distances[i] : exactNearest(i);
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

        /** The reference's squared distance from pool position i to its nearest center, updated by the new centers. */
        private float exactNearest(int i) {
            if (exactNearest == null) {
                exactNearest = new float[pool.length];
                Arrays.fill(exactNearest, Float.POSITIVE_INFINITY);
                exactCovers = new int[pool.length];
            }
            int d = trial.d();
            float nearest = exactNearest[i];
            for (int c = exactCovers[i]; c < centerCount; c++) {
                nearest = Math.min(nearest, ScalarKernels.squaredDistance(rows, i * d, centers, c * d, d));
            }
            exactNearest[i] = nearest;
            exactCovers[i] = centerCount;
            return nearest;
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
