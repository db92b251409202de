package org.activebench.nativekernels;

import org.activebench.core.kernels.KernelBackend;
import org.activebench.core.kernels.ScoreKernels;

/** The JNI backend as a {@link KernelBackend} service: "native". */
public final class NativeBackend implements KernelBackend {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String unavailable() {
        return NativeLibrary.problem();
    }

    @Override
    public String describe() {
        String problem = unavailable();
        return problem == null ? "C kernels, " + NativeKernels.cpuLevel() + " clones chosen for this CPU" : problem;
    }

    @Override
    public ScoreKernels create(int threads) {
        return new NativeKernels();
    }
}
