package org.activebench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every statistic against values computed by hand or printed in the literature, including ties and n = 1. */
class StatisticsTest {

    @Test
    void tIntervalOfFiveValues() {
        // mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445: 2.776445 * 1.581139 / sqrt(5) = 1.963243.
        MeanInterval ci = MeanInterval.of95(new double[] {1, 2, 3, 4, 5});
        assertEquals(3, ci.mean(), 1e-12);
        assertEquals(1.963243, ci.halfWidth(), 1e-6);
        assertTrue(ci.defined());
    }

    @Test
    void oneSeedHasAMeanButNoInterval() {
        MeanInterval ci = MeanInterval.of95(new double[] {0.9});
        assertEquals(0.9, ci.mean());
        assertFalse(ci.defined());
        assertTrue(Double.isNaN(ci.halfWidth()));
    }

    @Test
    void signedRankExactWithoutTies() {
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = i + 1;
        }
        // All ten differences positive: W- = 0, P = 2 / 2^10.
        SignedRankTest allWins = SignedRankTest.of(a, b);
        assertEquals(55, allWins.wPlus());
        assertEquals(2 / 1024.0, allWins.p(), 1e-15);
        assertEquals(1, allWins.effect());
        assertEquals(10, allWins.wins());
        // The smallest difference negative: W- = 1; sign patterns with W- <= 1 or W+ <= 1: 4 of 1024.
        a[0] = -1;
        SignedRankTest oneLoss = SignedRankTest.of(a, b);
        assertEquals(1, oneLoss.wMinus());
        assertEquals(4 / 1024.0, oneLoss.p(), 1e-15);
        assertEquals(9, oneLoss.wins());
        assertEquals(1, oneLoss.losses());
    }

    @Test
    void signedRankWithTiesAndZeros() {
        // Differences 1, 1, -1, 2 and one zero (dropped): mid-ranks 2, 2, 2, 4; W+ = 8, W- = 2. Of the 16 sign
        // patterns, 2W+ in {0, 4, 4, 4, 16, 16, 16, 20} are as far from the centre 10 as the observed 16: p = 8/16.
        SignedRankTest t = SignedRankTest.of(new double[] {2, 3, 0, 5, 7}, new double[] {1, 2, 1, 3, 7});
        assertEquals(4, t.pairs());
        assertEquals(8, t.wPlus());
        assertEquals(2, t.wMinus());
        assertEquals(0.5, t.p(), 1e-15);
        assertEquals(0.6, t.effect(), 1e-15);
        assertEquals(3, t.wins());
        assertEquals(1, t.ties());
        assertEquals(1, t.losses());
    }

    @Test
    void signedRankOfOneSeedOrNoDifference() {
        SignedRankTest one = SignedRankTest.of(new double[] {0.9}, new double[] {0.8});
        assertEquals(1, one.p(), 1e-15); // both signs equally likely
        SignedRankTest same = SignedRankTest.of(new double[] {0.5, 0.6}, new double[] {0.5, 0.6});
        assertEquals(1, same.p());
        assertEquals(0, same.effect());
        assertEquals(2, same.ties());
    }

    @Test
    void signedRankLargeSampleUsesTheNormalApproximation() {
        // 201 pairs, differences 1..201 with the 100 smallest negative: W- = 5050, W+ = 15251, E = 10150.5,
        // Var = 201·202·403/24 = 681,775.25; z = 5100.5 / 825.6968 = 6.17721; p = erfc(z / sqrt 2) = 6.5246e-10.
        int n = SignedRankTest.EXACT_LIMIT + 1;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < 100 ? -(i + 1) : i + 1;
        }
        SignedRankTest t = SignedRankTest.of(a, new double[n]);
        assertEquals(5050, t.wMinus());
        assertEquals(6.5246e-10, t.p(), 0.0001e-10);
    }

    @Test
    void holmStepDown() {
        // Sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> kept monotone at 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-15);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-15);
    }

    @Test
    void friedmanByHand() {
        // Three data sets, the same order each time: ranks 1, 2, 3; χ² = 12·3/(3·4) (14 - 12) = 6, p = e^-3.
        FriedmanTest t = FriedmanTest.of(new double[][] {{0.9, 0.8, 0.7}, {0.95, 0.9, 0.5}, {0.6, 0.5, 0.4}}, true);
        assertArrayEquals(new double[] {1, 2, 3}, t.averageRanks(), 1e-15);
        assertEquals(6, t.chiSquare(), 1e-12);
        assertEquals(Math.exp(-3), t.p(), 1e-12);
    }

    @Test
    void friedmanMidRanksTiesAndNeedsTwoDataSets() {
        FriedmanTest tied = FriedmanTest.of(new double[][] {{0.9, 0.9, 0.7}, {0.8, 0.9, 0.7}}, true);
        assertArrayEquals(new double[] {1.75, 1.25, 3}, tied.averageRanks(), 1e-15);
        FriedmanTest one = FriedmanTest.of(new double[][] {{0.9, 0.8}}, true);
        assertArrayEquals(new double[] {1, 2}, one.averageRanks(), 1e-15);
        assertTrue(Double.isNaN(one.p()));
    }

    @Test
    void nemenyiMatchesDemsarsTable() {
        // Demšar (2006), Table 5(a), q_0.05 for k = 2..10.
        double[] table = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
        for (int k = 2; k <= 10; k++) {
            assertEquals(table[k - 2], Nemenyi.q(k, 0.05), 0.0015, "k=" + k);
        }
        // His example: 4 classifiers on 14 data sets, CD = 1.25.
        assertEquals(1.25, Nemenyi.criticalDifference(4, 14, 0.05), 0.005);
        assertTrue(Double.isNaN(Nemenyi.criticalDifference(1, 14, 0.05)));
    }
}
