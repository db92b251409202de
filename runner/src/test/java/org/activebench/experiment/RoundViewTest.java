package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.kernels.ScalarKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.learn.TrainingSet;
import org.activebench.core.stop.StoppingCriterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model predicts the pool once per round, and the strategy, a stopping criterion and the routing share it. */
class RoundViewTest {
    @TempDir
    Path dir;

    @Test
    void strategyStoppingAndRoutingReadOnePredictionOfThePoolPerRound() {
        Set<Integer> pool = new HashSet<>();
        List<Integer> poolPredictions = new ArrayList<>();
        List<float[]> seenByStop = new ArrayList<>();
        List<float[]> seenByRouting = new ArrayList<>();
        Learner logistic = Catalog.builtIn().learner(ComponentSpec.of("logistic"), "learner").instance();
        // a learner whose models count their predictions of pool rows (the test rows are none of them)
        Learner counting = new Learner() {
            @Override
            public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
                return fit(TrainingSet.of(x, d, rows, labels, k), seed, null);
            }

            @Override
            public Model fit(TrainingSet set, long seed, Model previous) {
                Model inner = logistic.fit(set, seed, previous instanceof Counted c ? c.inner() : null);
                return new Counted(inner, poolPredictions, pool);
            }
        };
        StoppingCriterion peek = context -> {
            pool.clear();
            for (int row : context.pool().unlabelled()) {
                pool.add(row);
            }
            poolPredictions.add(0); // a new round
            seenByStop.add(java.util.Arrays.copyOf(context.pool().probabilities(),
                    context.pool().unlabelled().length * context.pool().k()));
            return false;
        };
        Routing peeking = (rows, annotators, context) -> {
            seenByRouting.add(context.pool() == null ? null : java.util.Arrays.copyOf(context.pool().probabilities(),
                    context.pool().unlabelled().length * context.pool().k()));
            return Routing.Routed.all(annotators.getFirst().annotate(rows, context), 0);
        };
        String json = """
                {"name": "view", "datasets": [{"name": "iris"}], "learner": "counting", "strategies": ["margin"],
                 "seeds": [1], "initial": {"size": 6}, "batch": 5, "budget": {"rounds": 3}, "reference": false,
                 "stop": ["peek"], "routing": "peeking"}
                """;
        Catalog catalog = Catalog.builtIn().withLearner("counting", counting).withStopping("peek", peek)
                .with(ComponentKind.ROUTING, "peeking", peeking);
        new Experiment(ConfigReader.parse(json, "c.json"), "c.json", dir, new ScalarKernels(), catalog, Map.of())
                .run(dir.resolve("out"), 1, Progress.NONE);
        assertNull(seenByRouting.getFirst(), "the initial set is labelled before any model");
        assertEquals(4, seenByStop.size(), "the initial fit and three queries");
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(seenByStop.get(r), seenByRouting.get(r + 1), "round " + r + ": the routing reads what the stop read");
        }
        // per round: the round marker, then exactly one prediction of the pool, whoever asked first
        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            expected.add(0);
            expected.add(1);
        }
        assertEquals(expected, poolPredictions);
        assertTrue(pool.size() > 50, "the pool's rows were seen: " + pool.size());
    }

    /** A model that records each prediction of pool rows as a 1 (not margin's rescoring of near-ties in double). */
    private record Counted(Model inner, List<Integer> log, Set<Integer> pool) implements Model {
        @Override
        public void predictProba(float[] x, int d, int[] rows, float[] out) {
            if (rows.length > 0 && pool.contains(rows[0])) {
                log.add(1);
            }
            inner.predictProba(x, d, rows, out);
        }

        @Override
        public void predictProba(float[] x, int d, int[] rows, double[] out) {
            inner.predictProba(x, d, rows, out);
        }
    }
}
