package org.activebench.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpTest {
    private static double ulps(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    @Test
    void withinTwoUlpOfMathExpOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-708, 709) : random.nextDouble(-40, 1);
            worst = Math.max(worst, ulps(Exp.exp(x), Math.exp(x)));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
        for (double x : new double[] {-1e-300, 1e-300, 0.5 * Math.log(2), -0.5 * Math.log(2), 1, -1, -707.9, 708.9}) {
            assertTrue(ulps(Exp.exp(x), Math.exp(x)) <= 2, x + ": " + Exp.exp(x) + " vs " + Math.exp(x));
        }
    }

    @Test
    void edgesAndSpecialValues() {
        assertEquals(1.0, Exp.exp(0.0));
        assertEquals(1.0, Exp.exp(-0.0));
        assertEquals(0.0, Exp.exp(-708.5));
        assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(709.5));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        assertEquals(Math.E, Exp.exp(1), 2 * Math.ulp(Math.E));
    }

    @Test
    void vectorLanesEqualTheScalarFormBitForBitTailsIncluded() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 31, 1000}) {
            double[] a = new double[n + 2];
            for (int i = 0; i < a.length; i++) {
                a[i] = switch (i % 7) {
                    case 0 -> random.nextDouble(-800, 800);
                    case 1 -> Double.NaN;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    case 3 -> 0.0;
                    default -> random.nextDouble(-30, 0);
                };
            }
            double[] expected = a.clone();
            for (int i = 1; i <= n; i++) {
                expected[i] = Exp.exp(a[i]);
            }
            Exp.expInPlace(a, 1, n + 1); // an offset start and an untouched element on each side
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(a[i]), "n=" + n + " i=" + i);
            }
        }
    }

    @Test
    void softmaxRowsSumToOneAndKeepTheirOrder() {
        double[] z = {1, 2, 3, -1000, 0, 1000, 5, 5, 5};
        double[] logSum = new double[3];
        LinearKernels.softmax(z, 3, 3, logSum);
        for (int row = 0; row < 3; row++) {
            assertEquals(1.0, z[3 * row] + z[3 * row + 1] + z[3 * row + 2], 1e-15);
        }
        assertTrue(z[0] < z[1] && z[1] < z[2]);
        assertEquals(1.0, z[5], 0, "a logit of 1000 does not overflow");
        assertEquals(1.0 / 3, z[6], 1e-16);
        assertEquals(3 + Math.log(Math.exp(-2) + Math.exp(-1) + 1), logSum[0], 1e-15);
    }
}
