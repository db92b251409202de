package org.activebench.core.kernels;

/**
 * A kernel backend provided by another module (e.g. {@code native}), found with {@link java.util.ServiceLoader}
 * by {@link KernelProvider}; scalar and Panama are built in.
 */
public interface KernelBackend {

    /** The name used in overrides and manifests, e.g. "native". */
    String name();

    /** Why the backend cannot serve in this JVM (library missing, no GPU, ...), or null when it can. */
    String unavailable();

    /** One line for {@code activebench kernels}: what was found (CPU level, device). */
    String describe();

    /** The kernels; only called when {@link #unavailable()} is null. */
    ScoreKernels create(int threads);
}
