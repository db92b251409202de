package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Panama kernels on one thread against the reference. */
class PanamaKernelsTest extends KernelConformanceTest {
    private final ScoreKernels kernels = KernelProvider.byName("panama", 1);

    @Override
    ScoreKernels kernels() {
        return kernels;
    }

    /**
     * The vector log's accuracy, read through entropy with k = 1: -p ln p over p from every binade, subnormals
     * included. Measured: 1.2e-7 (SVML's log and the float product).
     */
    @Test
    void entropyOfOneClassIsAccurateInEveryBinade() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 2_000_000;
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            // Uniform exponents from 2^-149 to 2^0, uniform mantissas: every binade, subnormals included.
            p[i] = (float) Math.min(1.0, Math.scalb(1 + random.nextDouble(), -random.nextInt(150)));
            p[i] = p[i] == 0 ? Float.MIN_VALUE : p[i];
        }
        float[] h = new float[n];
        kernels.entropy(p, n, 1, h);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = -(double) p[i] * Math.log(p[i]);
            if (exact >= Float.MIN_NORMAL) {
                // The float product -p·log(p) adds its own half ulp; the bound covers the log and that rounding.
                // (A subnormal result cannot hold 24 bits, whatever the log: those are left out.)
                worst = Math.max(worst, Math.abs(h[i] - exact) / exact);
            }
        }
        assertTrue(worst < 1.5e-7, "largest relative error " + worst);
    }
}
