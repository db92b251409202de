package org.activebench.core.kernels;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.activebench.core.ActiveBenchException;

/**
 * Chooses the {@link ScoreKernels} backend once per JVM and logs the choice once. The choice can be forced with
 * the system property {@value #PROPERTY} or the environment variable {@value #ENV}; the property wins.
 */
public final class KernelProvider {
    public static final String PROPERTY = "activebench.kernels";
    public static final String ENV = "ACTIVEBENCH_KERNELS";
    public static final List<String> BACKENDS = List.of("scalar");
    private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

    private KernelProvider() {
    }

    private static final class Holder {
        static final ScoreKernels CHOSEN = choose();
    }

    /** The backend for this JVM. */
    public static ScoreKernels get() {
        return Holder.CHOSEN;
    }

    /** A backend by name, for tests and benchmarks that compare backends. */
    public static ScoreKernels byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "scalar" -> new ScalarKernels();
            default -> throw new ActiveBenchException(PROPERTY + ": unknown kernel backend '" + name + "' (valid: "
                    + String.join(", ", BACKENDS) + ")");
        };
    }

    private static ScoreKernels choose() {
        String forced = System.getProperty(PROPERTY, System.getenv(ENV));
        ScoreKernels kernels = byName(forced == null || forced.isBlank() ? "scalar" : forced.strip());
        LOG.fine(() -> "ActiveBench kernels: " + kernels.name() + (forced == null ? "" : " (forced)"));
        return kernels;
    }
}
