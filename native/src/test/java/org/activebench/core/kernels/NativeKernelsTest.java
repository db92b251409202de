package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The C kernels against the reference, through the same conformance suite as Panama (in core's package, to reuse
 * it). Skips with the loader's reason when the library was not built (no gcc).
 */
class NativeKernelsTest extends KernelConformanceTest {
    private ScoreKernels kernels;

    @Override
    ScoreKernels kernels() {
        if (kernels == null) {
            String problem = KernelProvider.unavailable("native");
            assumeTrue(problem == null, "native library unavailable: " + problem);
            kernels = KernelProvider.byName("native", 1);
        }
        return kernels;
    }

    @Test
    void boundsAreCheckedBeforeCrossingIntoC() {
        ScoreKernels k = kernels();
        assertThrows(IndexOutOfBoundsException.class, () -> k.entropy(new float[10], 6, 2, new float[6]));
        assertThrows(IndexOutOfBoundsException.class, () -> k.leastConfidence(new float[12], 6, 2, new float[5]));
        assertThrows(IndexOutOfBoundsException.class, () -> k.dot(new float[12], 3, 4, new float[4], 1, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> k.voteEntropy(new float[0][], 1, 1, new float[1]));
        assertEquals("native", k.name());
    }
}
