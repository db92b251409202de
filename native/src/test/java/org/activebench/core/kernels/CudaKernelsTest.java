package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.activebench.core.ActiveBenchException;
import org.activebench.nativekernels.CudaKernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CUDA kernels against the reference, every call forced onto the GPU (no size threshold). Without a GPU (CI)
 * every test skips with the reason the backend gives, and that reason must be a clear one.
 */
class CudaKernelsTest extends KernelConformanceTest {
    private ScoreKernels kernels;

    @BeforeAll
    static void sayWhySkipped() {
        String problem = KernelProvider.unavailable("cuda");
        if (problem != null) {
            System.out.println("CudaKernelsTest: GPU tests skipped: " + problem);
        }
    }

    @Override
    ScoreKernels kernels() {
        if (kernels == null) {
            String problem = KernelProvider.unavailable("cuda");
            assumeTrue(problem == null, "no GPU here: " + problem);
            kernels = CudaKernels.create(new ScalarKernels(), 0);
        }
        return kernels;
    }

    @Test
    void withoutAGpuTheBackendSaysWhyAndCannotBeChosen() {
        String problem = KernelProvider.unavailable("cuda");
        assumeTrue(problem != null, "a GPU is present: the conformance tests above ran on it");
        assertFalse(problem.isBlank());
        ActiveBenchException e = assertThrows(ActiveBenchException.class, () -> KernelProvider.byName("cuda", 1));
        assertTrue(e.getMessage().contains("backend 'cuda' is unavailable: " + problem), e.getMessage());
    }
}
