package org.activebench.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aubcTrapezoidAndMeanOverQueries() {
        int[] labels = {10, 20, 40};
        double[] acc = {0.5, 0.7, 0.9};
        // (10 * 0.6 + 20 * 0.8) / 30
        assertEquals(22.0 / 30, Aubc.trapezoid(labels, acc), 1e-12);
        assertEquals(0.8, Aubc.meanOverQueries(acc), 1e-12);
        assertEquals(0.5, Aubc.trapezoid(new int[] {10}, new double[] {0.5}), 1e-12);
        assertEquals(0.5, Aubc.meanOverQueries(new double[] {0.5}), 1e-12);
    }
}
