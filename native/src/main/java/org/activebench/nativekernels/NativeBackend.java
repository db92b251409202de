package org.activebench.nativekernels;

import org.activebench.core.kernels.KernelBackend;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The JNI backend as a {@link KernelBackend} service: "native", at the best instruction-set level of this CPU
 * unless {@value #LEVEL_PROPERTY} names a lower one (sse2, avx2, avx512).
 */
public final class NativeBackend implements KernelBackend {
    static final String LEVEL_PROPERTY = "activebench.native.level";

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String unavailable() {
        String problem = NativeLibrary.KERNELS.problem();
        if (problem != null) {
            return problem;
        }
        try {
            NativeKernels.atLevel(level());
            return null;
        } catch (IllegalArgumentException e) {
            return "-D" + LEVEL_PROPERTY + ": " + e.getMessage();
        }
    }

    @Override
    public String describe() {
        String problem = unavailable();
        return problem == null ? "C kernels, " + level() + " (best on this CPU: " + NativeKernels.bestLevel() + ")"
                : problem;
    }

    @Override
    public ScoreKernels create(int threads) {
        return NativeKernels.atLevel(level());
    }

    private static String level() {
        return System.getProperty(LEVEL_PROPERTY, NativeKernels.bestLevel());
    }
}
