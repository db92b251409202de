package org.activebench.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void metricsOfAKnownConfusionMatrix() {
        // truth:     0 0 0 0 1 1 2 2
        // predicted: 0 0 0 1 1 2 2 2
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 0, 1, 1, 2, 2, 2};
        long[][] m = Metric.confusion(truth, predicted, 3);
        assertEquals(6.0 / 8, Metric.ACCURACY.compute(m), 1e-12);
        assertEquals((3.0 / 4 + 1.0 / 2 + 1.0) / 3, Metric.BALANCED_ACCURACY.compute(m), 1e-12);
        double f0 = 2.0 * 3 / (4 + 3);
        double f1 = 2.0 * 1 / (2 + 2);
        double f2 = 2.0 * 2 / (2 + 3);
        assertEquals((f0 + f1 + f2) / 3, Metric.MACRO_F1.compute(m), 1e-12);
    }

    @Test
    void classesAbsentFromTruthAndPredictionsDoNotCount() {
        long[][] m = Metric.confusion(new int[] {0, 1}, new int[] {0, 1}, 4);
        assertEquals(1.0, Metric.MACRO_F1.compute(m), 1e-12);
        assertEquals(1.0, Metric.BALANCED_ACCURACY.compute(m), 1e-12);
    }

    @Test
    void aubcTrapezoidIncludesTheInitialModel() {
        int[] labels = {10, 20, 40};
        double[] acc = {0.5, 0.7, 0.9};
        // (10 * 0.6 + 20 * 0.8) / 30
        assertEquals(22.0 / 30, Aubc.trapezoid(labels, acc), 1e-12);
        assertEquals(0.5, Aubc.trapezoid(new int[] {10}, new double[] {0.5}), 1e-12);
        assertEquals(0.7, Aubc.trapezoid(new int[] {5, 15, 25, 35}, new double[] {0.7, 0.7, 0.7, 0.7}), 1e-12);
    }

    @Test
    void aubcLu2023IsTheirTrapezoidOverQueriesDividedByTheQueryBudget() {
        // batch 1, 4 queries: np.trapz([.6, .7, .8, .9], [11, 12, 13, 14]) / (14 - 10) = 2.25 / 4
        int[] labels = {10, 11, 12, 13, 14};
        double[] acc = {0.5, 0.6, 0.7, 0.8, 0.9};
        assertEquals(2.25 / 4, Aubc.lu2023(labels, acc), 1e-12);
        // = mean over queries (0.75) - (a1 + aQ) / (2Q) = 0.75 - 1.5 / 8
        assertEquals(0.75 - 1.5 / 8, Aubc.lu2023(labels, acc), 1e-12);
        // batch 10, 3 queries: np.trapz([.6, .8, .7], [30, 40, 50]) = 10 * .7 + 10 * .75 = 14.5; / (50 - 20)
        assertEquals(14.5 / 30, Aubc.lu2023(new int[] {20, 30, 40, 50}, new double[] {0.4, 0.6, 0.8, 0.7}), 1e-12);
        // a last batch cut short by the budget: steps 10 then 4 -> (10 * .7 + 4 * .85) / 24
        assertEquals((10 * 0.7 + 4 * 0.85) / 24, Aubc.lu2023(new int[] {20, 30, 40, 44},
                new double[] {0.4, 0.6, 0.8, 0.9}), 1e-12);
    }

    @Test
    void aubcLu2023OfCurvesThatStopEarly() {
        // stopped after one query (target reached): their formula integrates a single point, 0
        assertEquals(0.0, Aubc.lu2023(new int[] {20, 30}, new double[] {0.5, 0.96}), 0);
        // stopped before any query: undefined, never a number
        assertTrue(Double.isNaN(Aubc.lu2023(new int[] {20}, new double[] {0.97})));
    }
}
