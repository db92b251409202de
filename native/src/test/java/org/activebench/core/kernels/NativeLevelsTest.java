package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.activebench.nativekernels.NativeKernels;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every instruction-set level of the C library against the reference, not only the one this CPU would be given:
 * the baseline always runs; AVX2 and AVX-512 skip, with the reason, on CPUs without them.
 */
class NativeLevelsTest {
    private static final List<String> LEVELS = List.of("sse2", "avx2", "avx512");

    static ScoreKernels level(String level) {
        String problem = KernelProvider.unavailable("native");
        assumeTrue(problem == null, "native library unavailable: " + problem);
        String best = NativeKernels.bestLevel();
        assumeTrue(LEVELS.indexOf(level) <= LEVELS.indexOf(best), "this CPU runs native levels up to " + best);
        return NativeKernels.atLevel(level);
    }

    @Nested
    class Baseline extends KernelConformanceTest {
        @Override
        ScoreKernels kernels() {
            return level("sse2");
        }
    }

    @Nested
    class Avx2 extends KernelConformanceTest {
        @Override
        ScoreKernels kernels() {
            return level("avx2");
        }
    }

    @Nested
    class Avx512 extends KernelConformanceTest {
        @Override
        ScoreKernels kernels() {
            return level("avx512");
        }
    }

    @Test
    void anUnknownOrMissingLevelIsAClearErrorAndTheProviderFallsBack() {
        level("sse2");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NativeKernels.atLevel("avx9"));
        assertTrue(unknown.getMessage().contains("[sse2, avx2, avx512]"), unknown.getMessage());
        System.setProperty("activebench.native.level", "avx9");
        try {
            String problem = KernelProvider.unavailable("native");
            assertTrue(problem != null && problem.startsWith("-Dactivebench.native.level: unknown native level"),
                    String.valueOf(problem));
        } finally {
            System.clearProperty("activebench.native.level");
        }
        assertEquals(null, KernelProvider.unavailable("native"));
    }
}
