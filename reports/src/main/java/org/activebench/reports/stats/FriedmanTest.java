package org.activebench.reports.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Friedman's test over N data sets and k strategies (Demšar 2006): strategies ranked within each data set (1 =
 * best, ties mid-ranked), average ranks compared by χ²_F = 12N/(k(k+1)) [Σ R_j² - k(k+1)²/4] on k - 1 degrees of
 * freedom. With one data set or one strategy there is nothing to test: p is NaN.
 *
 * @param averageRanks per strategy, in the order of the columns
 * @param chiSquare    the statistic, NaN when undefined
 * @param p            its p-value, NaN when undefined
 */
public record FriedmanTest(double[] averageRanks, double chiSquare, double p, int datasets) {

    /** {@code scores[dataset][strategy]}; {@code higherIsBetter} for accuracy-like scores. */
    public static FriedmanTest of(double[][] scores, boolean higherIsBetter) {
        int n = scores.length;
        int k = n == 0 ? 0 : scores[0].length;
        double[] average = new double[k];
        for (double[] row : scores) {
            if (row.length != k) {
                throw new IllegalArgumentException("every data set needs a score for each of the " + k + " strategies");
            }
            double[] oriented = row.clone();
            if (higherIsBetter) {
                for (int j = 0; j < k; j++) {
                    oriented[j] = -oriented[j];
                }
            }
            double[] ranks = Ranks.ascending(oriented);
            for (int j = 0; j < k; j++) {
                average[j] += ranks[j] / n;
            }
        }
        if (n < 2 || k < 2) {
            return new FriedmanTest(average, Double.NaN, Double.NaN, n);
        }
        double squares = 0;
        for (double r : average) {
            squares += r * r;
        }
        double chi = 12.0 * n / (k * (k + 1.0)) * (squares - k * (k + 1.0) * (k + 1.0) / 4);
        double p = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi);
        return new FriedmanTest(average, chi, p, n);
    }
}
