package org.activebench.core.metrics;

/**
 * Area under the budget curve: one number for a learning curve (metric vs number of labels). Peers disagree on
 * the definition, so each one offered is named after its source and computed exactly as the source does.
 */
public final class Aubc {
    private Aubc() {
    }

    /**
     * {@code trapezoid}: the trapezoid area under the whole curve, initial model included, over
     * [labels[0], labels[last]] divided by that width, so that a flat curve at value a has AUBC a. A curve of a
     * single point has the value of that point.
     */
    public static double trapezoid(int[] labels, double[] values) {
        if (labels.length == 1) {
            return values[0];
        }
        return area(labels, values, 0) / (labels[labels.length - 1] - labels[0]);
    }

    /**
     * {@code lu2023}: AUBC as in Lu, Li and Lin (2023), "Re-benchmarking pool-based active learning for binary
     * classification" ({@code AUBC_Zhan} in their code and the tables of their paper): the trapezoid over the
     * values after each query (the initial model excluded) divided by the labels spent on queries,
     * {@code np.trapz(acc[1:], labels[1:]) / (labels[-1] - labels[0])}. With equal batches that is the trapezoid
     * over query indices divided by the number of queries Q, i.e. the mean over queries minus (a_1 + a_Q) / (2Q);
     * one query gives 0, as their formula does. Undefined (NaN) for a curve without queries.
     */
    public static double lu2023(int[] labels, double[] values) {
        if (labels.length == 1) {
            return Double.NaN;
        }
        return area(labels, values, 1) / (labels[labels.length - 1] - labels[0]);
    }

    /** Trapezoid area from point {@code from} to the last. */
    private static double area(int[] labels, double[] values, int from) {
        double area = 0;
        for (int i = from + 1; i < labels.length; i++) {
            area += (labels[i] - labels[i - 1]) * (values[i] + values[i - 1]) / 2;
        }
        return area;
    }
}
