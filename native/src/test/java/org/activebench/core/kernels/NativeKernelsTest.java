package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The native backend as the provider hands it out: bounds are checked in Java before any call crosses into C.
 * Its results are tested level by level in {@link NativeLevelsTest}. Skips with the loader's reason when the
 * library was not built (no gcc).
 */
class NativeKernelsTest {

    @Test
    void boundsAreCheckedBeforeCrossingIntoC() {
        String problem = KernelProvider.unavailable("native");
        assumeTrue(problem == null, "native library unavailable: " + problem);
        ScoreKernels k = KernelProvider.byName("native", 1);
        assertThrows(IndexOutOfBoundsException.class, () -> k.entropy(new float[10], 6, 2, new float[6]));
        assertThrows(IndexOutOfBoundsException.class, () -> k.leastConfidence(new float[12], 6, 2, new float[5]));
        assertThrows(IndexOutOfBoundsException.class, () -> k.dot(new float[12], 3, 4, new float[4], 1, new float[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> k.topB(new float[4], 5, 2, true, new int[2]));
        assertThrows(IllegalArgumentException.class, () -> k.voteEntropy(new float[0][], 1, 1, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> k.voteEntropy(new float[257][], 1, 1, new float[1]));
        assertEquals("native", k.name());
    }
}
