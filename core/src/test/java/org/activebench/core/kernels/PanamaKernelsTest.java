package org.activebench.core.kernels;

/** The Panama kernels on one thread against the reference. */
class PanamaKernelsTest extends KernelConformanceTest {
    private final ScoreKernels kernels = KernelProvider.byName("panama", 1);

    @Override
    ScoreKernels kernels() {
        return kernels;
    }
}
