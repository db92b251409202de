package org.activebench.core.learn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x for the softmax and the sigmoid, from add, multiply and fused multiply-add only, which round the same in
 * every JIT tier, in a vector lane or in scalar code: so the scalar and vector forms agree bit for bit, and a fit or a
 * prediction does not depend on how far the JIT has got ({@code Math.exp} and the Vector API's EXP may each differ
 * between tiers). Error at most 2 ulp against the exact value (tested against {@code Math.exp}).
 *
 * <p>Method (as in Cody and Waite, and fdlibm): x = n·ln2 + r with n the integer nearest x·log2(e), found by adding
 * 1.5·2^52 so that the rounding of one FMA leaves n in the low bits; r = x - n·ln2 with ln2 split in a high part
 * (exact in n·ln2hi) and a low part, |r| ≤ ln2/2; e^r from its Taylor polynomial to degree 13 (truncation error
 * below 5e-18 on that interval) by Horner's rule; then scaled by 2^n built from its exponent bits. Inputs below -708
 * give 0 (e^x is subnormal there), above 709 +Infinity; the softmax only passes x ≤ 0.
 */
final class Exp {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01; // fdlibm's ln2HI: n·LN2_HI is exact for |n| < 2^11
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    private static final double MIN = -708;
    private static final double MAX = 709;
    /** 1/k! for k = 13 down to 0. */
    private static final double[] TAYLOR = new double[14];

    static {
        double factorial = 1;
        for (int k = 1; k <= 13; k++) {
            factorial *= k;
            TAYLOR[13 - k] = 1 / factorial; // 13!, the largest, is exact in a double; each 1/k! is one rounding
        }
        TAYLOR[13] = 1;
    }

    private Exp() {
    }

    static double exp(double x) {
        if (!(x >= MIN)) {
            return Double.isNaN(x) ? x : 0;
        }
        if (x > MAX) {
            return Double.POSITIVE_INFINITY;
        }
        double shifted = Math.fma(x, LOG2E, SHIFTER);
        double n = shifted - SHIFTER;
        double r = Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, x));
        double p = TAYLOR[0];
        for (int k = 1; k < TAYLOR.length; k++) {
            p = Math.fma(p, r, TAYLOR[k]);
        }
        long scale = (Double.doubleToRawLongBits(shifted) - SHIFTER_BITS + 1023) << 52;
        return p * Double.longBitsToDouble(scale);
    }

    /** e^x lane by lane, equal bit for bit to {@link #exp(double)} of each lane. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector shifted = x.fma(LOG2E, SHIFTER);
        DoubleVector n = shifted.sub(SHIFTER);
        DoubleVector minusN = n.neg();
        DoubleVector r = minusN.fma(DoubleVector.broadcast(D, LN2_LO), minusN.fma(DoubleVector.broadcast(D, LN2_HI), x));
        DoubleVector p = DoubleVector.broadcast(D, TAYLOR[0]);
        for (int k = 1; k < TAYLOR.length; k++) {
            p = p.fma(r, DoubleVector.broadcast(D, TAYLOR[k]));
        }
        LongVector scale = ((LongVector) shifted.reinterpretAsLongs()).sub(SHIFTER_BITS - 1023)
                .lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = p.mul(scale.reinterpretAsDoubles());
        return e.blend(0.0, x.compare(VectorOperators.LT, MIN))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, MAX))
                .blend(x, x.test(VectorOperators.IS_NAN)); // the very NaN given, as in the scalar form
    }

    /** Replaces {@code a[from .. to)} by e^a, in vectors and a scalar tail that round alike. */
    static void expInPlace(double[] a, int from, int to) {
        int i = from;
        for (int end = from + D.loopBound(to - from); i < end; i += D.length()) {
            exp(DoubleVector.fromArray(D, a, i)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = exp(a[i]);
        }
    }
}
