package org.activebench.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks with ties averaged (the mid-rank convention of every rank test here). */
final class Ranks {
    private Ranks() {
    }

    /** Rank 1 for the smallest value; tied values share the mean of the ranks they span. */
    static double[] ascending(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++) {
                ranks[order[j]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
