package org.activebench.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.learn.TrainingSet;
import org.activebench.core.spi.Registry;
import org.junit.jupiter.api.Test;

/** Every weighting scheme on fixtures whose weights are worked out by hand. */
class WeightingTest {
    private static final Registry<Weighting> SCHEMES = Registry.load(WeightingProvider.class, "weighting scheme",
            WeightingTest.class.getClassLoader());

    /** Three labelled rows of classes 0, 1, 2 (k = 3). */
    private static final TrainingSet SET = TrainingSet.of(new float[3], 1, new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3);

    /** Model probabilities giving the rows' labels 0.9, 0.5 and 0.2. */
    private static final float[] MODEL = {0.9f, 0.05f, 0.05f, 0.25f, 0.5f, 0.25f, 0.4f, 0.4f, 0.2f};

    private static Weighting scheme(String name, Map<String, Object> params) {
        return SCHEMES.create(name, params, "weighting").instance();
    }

    private static double[] weigh(String name, Map<String, Object> params, WeightingContext context) {
        return scheme(name, params).weights(context);
    }

    @Test
    void uniformAndClassBalanced() {
        WeightingContext c = new WeightingContext(SET, 1, MODEL, null, null);
        assertArrayEquals(new double[] {1, 1, 1}, weigh("uniform", null, c));
        TrainingSet skewed = TrainingSet.of(new float[4], 1, new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 1}, 3);
        assertArrayEquals(new double[] {4 / 6.0, 4 / 6.0, 4 / 6.0, 2}, weigh("class_balanced", null,
                new WeightingContext(skewed, 0, null, null, null)), 1e-15, "n / (K n_y): n = 4, K = 2 classes present");
    }

    @Test
    void focalAndDifficultyReadThePreviousModelOrTheTeacher() {
        WeightingContext c = new WeightingContext(SET, 1, MODEL, null, null);
        assertArrayEquals(new double[] {0.1 * 0.1, 0.5 * 0.5, 0.8 * 0.8}, weigh("focal", Map.of("gamma", 2.0), c), 1e-7);
        assertArrayEquals(new double[] {1, 1, 1}, weigh("focal", null, new WeightingContext(SET, 0, null, null, null)),
                "no model before the first fit");
        assertArrayEquals(new double[] {0.9, 0.5, 0.3}, weigh("difficulty", Map.of("floor", 0.3), c), 1e-7);
        float[] teacher = {0.2f, 0.4f, 0.4f, 0.1f, 0.8f, 0.1f, 0f, 0f, 1f};
        assertArrayEquals(new double[] {0.2, 0.8, 1}, weigh("difficulty", Map.of("source", "teacher", "floor", 0.1),
                new WeightingContext(SET, 1, MODEL, teacher, null)), 1e-7);
        assertEquals("weighting difficulty reads a teacher's predictions: give the data set a \"teacher\"",
                assertThrows(ActiveBenchException.class, () -> weigh("difficulty", Map.of("source", "teacher"), c))
                        .getMessage());
    }

    @Test
    void selfPacedAdmitsRowsUnderAGrowingThreshold() {
        // log-losses: -ln 0.9 = 0.105, -ln 0.5 = 0.693, -ln 0.2 = 1.609; threshold 0.5 · 2^(t-1)
        Map<String, Object> params = Map.of("lambda", 0.5, "growth", 2.0);
        assertArrayEquals(new double[] {1, 0, 0}, weigh("self_paced", params, new WeightingContext(SET, 1, MODEL, null, null)));
        assertArrayEquals(new double[] {1, 1, 0}, weigh("self_paced", params, new WeightingContext(SET, 2, MODEL, null, null)));
        assertArrayEquals(new double[] {1, 1, 1}, weigh("self_paced", params, new WeightingContext(SET, 3, MODEL, null, null)));
        assertArrayEquals(new double[] {1, 1, 1}, weigh("self_paced", Map.of("lambda", 0.01),
                new WeightingContext(SET, 1, MODEL, null, null)), "no row under the threshold: all count");
    }

    @Test
    void activeBiasIsTheCorrectedDeviationOfPastProbabilities() {
        Weighting bias = scheme("active_bias", Map.of("epsilon", 0.05));
        assertEquals(true, bias.readsHistory());
        List<double[]> history = List.of(new double[] {0.2, 0.4}, new double[] {0.5, 0.5, 0.5}, new double[] {0.7});
        double[] w = bias.weights(new WeightingContext(SET, 3, MODEL, null, history));
        double v = 0.02; // ((0.2 - 0.3)² + (0.4 - 0.3)²) / (2 - 1)
        double first = Math.sqrt(v + v * v / 1) + 0.05;
        assertArrayEquals(new double[] {first, 0.05, (first + 0.05) / 2}, w, 1e-12,
                "a row with one recorded probability gets the others' mean");
        assertArrayEquals(new double[] {1, 1, 1}, bias.weights(new WeightingContext(SET, 0, null, null,
                List.of(new double[0], new double[0], new double[0]))), "no history yet: all 1");
    }

    @Test
    void parametersAreChecked() {
        assertThrows(ActiveBenchException.class, () -> SCHEMES.create("focal", Map.of("gamma", -1.0), "weighting"));
        assertThrows(ActiveBenchException.class, () -> SCHEMES.create("difficulty", Map.of("source", "oracle"), "weighting"));
        assertEquals(List.of("active_bias", "class_balanced", "difficulty", "focal", "self_paced", "uniform"),
                SCHEMES.entries().stream().map(e -> e.provider().name()).sorted().toList());
    }
}
