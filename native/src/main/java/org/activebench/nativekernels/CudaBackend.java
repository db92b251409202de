package org.activebench.nativekernels;

import org.activebench.core.kernels.KernelBackend;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The GPU backend as a {@link KernelBackend} service: "cuda", over Panama (or the scalar reference without the
 * vector module) for what stays on the CPU. {@value #MIN_VALUES_PROPERTY} sets the call size, in rows x classes,
 * from which scoring and top-b go to the GPU.
 */
public final class CudaBackend implements KernelBackend {
    static final String MIN_VALUES_PROPERTY = "activebench.cuda.min-values";
    /** 2^24 values (64 MB): below it the PCIe upload costs more than a CPU pass. Not yet measured on a GPU. */
    static final long DEFAULT_MIN_VALUES = 1L << 24;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String unavailable() {
        return CudaKernels.problem();
    }

    @Override
    public String describe() {
        String problem = unavailable();
        return problem == null ? CudaKernels.device() + "; GPU for k-center searches, and for scores and top-b from "
                + minValues() + " values" : problem;
    }

    @Override
    public ScoreKernels create(int threads) {
        String cpu = KernelProvider.panamaUnavailable() == null ? "panama" : "scalar";
        return CudaKernels.create(KernelProvider.byName(cpu, threads), minValues());
    }

    private static long minValues() {
        return KernelProvider.wholeNumber(MIN_VALUES_PROPERTY, DEFAULT_MIN_VALUES, 0);
    }
}
