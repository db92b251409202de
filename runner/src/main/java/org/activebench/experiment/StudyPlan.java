package org.activebench.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.activebench.core.learn.Learner;
import org.activebench.core.spi.Component;
import org.activebench.strategies.QueryStrategy;

/**
 * A study as a canonical list of cells, in config order: every full-pool reference and every trial (data set x
 * learner x strategy x seed), each with the key its files are named by, the fingerprint of everything its
 * result depends on and an estimate of its cost. The runner executes it here; cut into {@link Shard}s, it is
 * executed by many processes on many machines into one results directory.
 */
record StudyPlan(List<Cell> cells) {

    /**
     * @param strategy   null for a full-pool reference
     * @param annotation who labels the trial's rows; null for a full-pool reference
     * @param levers     the trial's setting of the training levers; null for a full-pool reference
     * @param cost       relative compute cost (pool rows x features x fits), for balancing shards
     */
    record Cell(TrialKey key, String fingerprint, PreparedData data, Component<Learner> learner,
                Component<QueryStrategy> strategy, Annotation annotation, Levers levers, double cost) {
        boolean isReference() {
            return strategy == null;
        }

        /** The cell's stable id, its result file's path without {@code .json}: {@code trials/iris/logistic/margin/seed-1}. */
        String id() {
            String path = (isReference() ? "reference/" + key.referencePath() : "trials/" + key.relativePath())
                    .replace(java.io.File.separatorChar, '/');
            return path.substring(0, path.length() - ".json".length());
        }
    }

    /**
     * The cells of one shard, in plan order. Cells are dealt by longest processing time first (Graham's LPT rule):
     * in order of decreasing cost, ties in plan order, each to the shard with the least cost so far, ties to the
     * lowest index. So committees and large data sets spread evenly, and the assignment is a function of the plan
     * alone: every process computes the same one.
     */
    List<Cell> shard(Shard shard) {
        int[] owner = new int[cells.size()];
        double[] load = new double[shard.count()];
        List<Integer> order = IntStream.range(0, cells.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -cells.get(i).cost()).thenComparing(i -> i)).toList();
        for (int i : order) {
            int least = 0;
            for (int s = 1; s < load.length; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            owner[i] = least;
            load[least] += cells.get(i).cost();
        }
        List<Cell> mine = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (owner[i] == shard.index()) {
                mine.add(cells.get(i));
            }
        }
        return mine;
    }
}
