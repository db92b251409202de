package org.activebench.core.metrics;

/**
 * Area under the budget curve: one number for a learning curve (metric vs number of labels).
 * Peers disagree on the definition, so both common ones are offered and named.
 */
public final class Aubc {
    private Aubc() {
    }

    /**
     * Trapezoid area under the curve over [labels[0], labels[last]] divided by that width, so that a flat curve
     * at value a has AUBC a. A curve of a single point has the value of that point.
     */
    public static double trapezoid(int[] labels, double[] values) {
        if (labels.length == 1) {
            return values[0];
        }
        double area = 0;
        for (int i = 1; i < labels.length; i++) {
            area += (labels[i] - labels[i - 1]) * (values[i] + values[i - 1]) / 2;
        }
        return area / (labels[labels.length - 1] - labels[0]);
    }

    /**
     * The Zhan/Lu style variant: mean of the metric over the query rounds, the initial model excluded
     * (with no query round, the initial value).
     */
    public static double meanOverQueries(double[] values) {
        if (values.length == 1) {
            return values[0];
        }
        double sum = 0;
        for (int i = 1; i < values.length; i++) {
            sum += values[i];
        }
        return sum / (values.length - 1);
    }
}
