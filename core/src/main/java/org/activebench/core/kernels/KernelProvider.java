package org.activebench.core.kernels;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.activebench.core.ActiveBenchException;

/**
 * Chooses the {@link ScoreKernels} backend once per JVM and logs the choice once: the first available of
 * {@link #ranking(int)} — the C kernels (module {@code native}), Panama when the incubator module
 * {@code jdk.incubator.vector} is readable (the JVM was started with {@code --add-modules
 * jdk.incubator.vector}), the scalar reference. The choice can be forced with the system property
 * {@value #PROPERTY} or the environment variable {@value #ENV} (the property wins); {@value #THREADS_PROPERTY}
 * lets large calls split their rows across threads, which never changes a result.
 * <p>
 * {@link PanamaKernels} is reached only by name, after the module check, so that this class loads and the
 * scalar backend works on a JVM without the module (the same pattern as Lucene's VectorizationProvider).
 */
public final class KernelProvider {
    public static final String PROPERTY = "activebench.kernels";
    public static final String ENV = "ACTIVEBENCH_KERNELS";
    public static final String THREADS_PROPERTY = "activebench.kernels.threads";
    /** Backends built into core; others come from {@link KernelBackend} services on the class path. */
    private static final List<String> BUILT_IN = List.of("scalar", "panama");
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
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

    /** A backend by name with the configured thread count, for tests and benchmarks that compare backends. */
    public static ScoreKernels byName(String name) {
        return byName(name, threads());
    }

    /** A backend by name; {@code threads} > 1 splits large calls across that many threads. */
    public static ScoreKernels byName(String name, int threads) {
        String key = name.toLowerCase(Locale.ROOT);
        String reason = unavailable(key);
        if (reason != null) {
            throw new ActiveBenchException(PROPERTY + ": backend '" + key + "' is unavailable: " + reason);
        }
        return switch (key) {
            case "scalar" -> new ScalarKernels();
            case "panama" -> panama(threads);
            default -> plugged(key).create(threads);
        };
    }

    /** Why the named backend cannot serve in this JVM, or null when it can; unknown names are an error. */
    public static String unavailable(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "scalar" -> null;
            case "panama" -> panamaUnavailable();
            default -> plugged(name).unavailable();
        };
    }

    private static KernelBackend plugged(String name) {
        return plugged().stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ActiveBenchException(PROPERTY + ": unknown kernel backend '" + name
                        + "' (valid: " + String.join(", ", backends()) + ")"));
    }

    /** Every backend name this JVM knows: the built-in ones, then those found as services. */
    public static List<String> backends() {
        List<String> names = new ArrayList<>(BUILT_IN);
        plugged().forEach(b -> names.add(b.name()));
        return names;
    }

    /** Backends from other modules ({@link KernelBackend} services), in class-path order. */
    public static List<KernelBackend> plugged() {
        return ServiceLoader.load(KernelBackend.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Why Panama cannot serve in this JVM, or null when it can. */
    public static String panamaUnavailable() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return "module " + VECTOR_MODULE + " is not loaded (start the JVM with --add-modules " + VECTOR_MODULE
                    + ")";
        }
        return null;
    }

    /** A line on the Panama backend: its vector shape, or why it is unavailable. */
    public static String panamaShape() {
        String reason = panamaUnavailable();
        if (reason != null) {
            return "unavailable: " + reason;
        }
        try {
            MethodHandle shape = MethodHandles.lookup().findStatic(panamaClass(), "shape",
                    MethodType.methodType(String.class));
            return (String) shape.invoke();
        } catch (Throwable e) {
            return "unavailable: " + e;
        }
    }

    /** Threads a kernel call may use, from {@value #THREADS_PROPERTY} (default 1). */
    public static int threads() {
        return (int) Math.min(wholeNumber(THREADS_PROPERTY, 1, 1), Integer.MAX_VALUE);
    }

    /** The system property {@code key} as a whole number >= {@code min}, or {@code fallback} when unset. */
    public static long wholeNumber(String key, long fallback, long min) {
        String value = System.getProperty(key, Long.toString(fallback)).strip();
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ActiveBenchException(key + ": expected a whole number >= " + min + ", got '" + value + "'");
    }

    private static ScoreKernels panama(int threads) {
        try {
            MethodHandle constructor = MethodHandles.lookup().findConstructor(panamaClass(),
                    MethodType.methodType(void.class, int.class));
            return (ScoreKernels) constructor.invoke(threads);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the Panama kernels", e);
        }
    }

    private static Class<?> panamaClass() throws ClassNotFoundException {
        return Class.forName(KernelProvider.class.getPackageName() + ".PanamaKernels");
    }

    private static ScoreKernels choose() {
        String forced = System.getProperty(PROPERTY, System.getenv(ENV));
        if (forced != null && !forced.isBlank()) {
            ScoreKernels kernels = byName(forced.strip());
            LOG.info(() -> "kernels: " + kernels.name() + " (forced by " + PROPERTY + "/" + ENV + ")");
            return kernels;
        }
        List<String> skipped = new ArrayList<>();
        for (String name : ranking(threads())) {
            String reason = backends().contains(name) ? unavailable(name) : "not on the class path";
            if (reason == null) {
                ScoreKernels kernels = byName(name);
                String detail = name.equals("panama") ? panamaShape() : name.equals("scalar") ? "reference" : plugged(name).describe();
                LOG.info(() -> "kernels: " + name + " (" + detail + ")"
                        + (skipped.isEmpty() ? "" : "; passed over: " + String.join("; ", skipped)));
                return kernels;
            }
            skipped.add(name + ": " + reason);
        }
        throw new IllegalStateException("the scalar kernels are always available");
    }

    /**
     * Backends in the order the provider tries them, fastest first: for one thread, as {@link KernelRanking} measured
     * them on this machine, else by the figures in benchmarks/RESULTS.md (the C kernels beat Panama on the AMD
     * machine of issue 4); the C kernels run each call on one thread, so Panama leads when calls may split across
     * threads. CUDA is chosen only by name until it is measured on a GPU.
     */
    public static List<String> ranking(int threads) {
        if (threads > 1) {
            return List.of("panama", "native", "scalar");
        }
        return KernelRanking.stored().orElse(List.of("native", "panama", "scalar"));
    }
}
