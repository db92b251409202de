package org.activebench.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activebench.core.spi.Registry;
import org.junit.jupiter.api.Test;

class StoppingTest {
    private final Registry<StoppingCriterion> registry = Registry.load(StoppingProvider.class, "stopping criterion",
            StoppingTest.class.getClassLoader());

    @Test
    void cohensKappaMatchesHandValues() {
        // p_o = 3/4; p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2)
        assertEquals(0.5, StabilizingPredictions.kappa(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}), 1e-15);
        assertEquals(1.0, StabilizingPredictions.kappa(new int[] {2, 0, 1}, new int[] {2, 0, 1}), 1e-15);
        assertEquals(1.0, StabilizingPredictions.kappa(new int[] {1, 1}, new int[] {1, 1}), 1e-15, "one class each: agree");
        // complete disagreement of balanced labelings: p_o = 0, p_e = 1/2
        assertEquals(-1.0, StabilizingPredictions.kappa(new int[] {0, 1}, new int[] {1, 0}), 1e-15);
    }

    private static StopContext history(List<int[]> predictions, double... accuracy) {
        StopContext c = new StopContext(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(predictions));
        for (int i = 0; i < accuracy.length; i++) {
            c.labelled().add(10 + i);
            c.metrics().add(Map.of("accuracy", accuracy[i]));
        }
        return c;
    }

    @Test
    void stabilizingPredictionsAveragesKappaOverTheWindow() {
        StoppingCriterion stop = registry.create("stabilizing_predictions", Map.of("window", 2, "kappa", 0.9), "stop[0]")
                .instance();
        int[] a = {0, 1, 1, 0, 1};
        int[] b = {1, 1, 1, 0, 1};
        assertFalse(stop.shouldStop(history(List.of(a, a))), "one agreeing pair is not two");
        assertTrue(stop.shouldStop(history(List.of(a, a, a))));
        assertFalse(stop.shouldStop(history(List.of(a, a, b))), "the latest pair disagrees");
        assertFalse(stop.shouldStop(history(List.of(a, b, b))), "the earlier pair of the window disagrees");
        assertTrue(stop.shouldStop(history(List.of(b, a, a, a))), "only the last window counts");
        // kappa(a, b): p_o = 4/5, p_e = 2/5 * 1/5 + 3/5 * 4/5 = 14/25, kappa = 6/11; the mean (1 + 6/11) / 2 = 17/22
        assertEquals(6.0 / 11, StabilizingPredictions.kappa(a, b), 1e-15);
        StoppingCriterion lenient = registry.create("stabilizing_predictions", Map.of("window", 2, "kappa", 0.77), "s")
                .instance();
        assertTrue(lenient.shouldStop(history(List.of(a, a, b))), "17/22 = 0.7727 >= 0.77: the mean, not every pair");
    }

    @Test
    void targetAccuracyStopsAtTheTarget() {
        StoppingCriterion stop = registry.create("target_accuracy", Map.of("accuracy", 0.8), "stop[0]").instance();
        assertFalse(stop.shouldStop(history(List.of(), 0.9, 0.79)), "the latest round counts");
        assertTrue(stop.shouldStop(history(List.of(), 0.5, 0.8)), "reached exactly");
    }
}
