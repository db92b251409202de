package org.activebench.nativekernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * One shared library, loaded at most once: from its override property when set (a locally built library), else
 * from the jar's per-platform resource, extracted to a temporary file. Any failure is kept as a reason, logged
 * once, and the provider falls back to another backend: a missing or broken library never fails a run.
 */
final class NativeLibrary {
    /** The C SIMD kernels (gcc). */
    static final NativeLibrary KERNELS = new NativeLibrary("libactivebench.so", "activebench.native.library",
            "built without gcc");
    /** The CUDA kernels (nvcc); the CUDA runtime is linked in statically, the driver is found at run time. */
    static final NativeLibrary CUDA = new NativeLibrary("libactivebench_cuda.so", "activebench.cuda.library",
            "built without nvcc");

    private static final Logger LOG = Logger.getLogger(NativeLibrary.class.getName());
    private final String file;
    private final String property;
    private final String whyMissing;
    private String problem;
    private boolean attempted;

    private NativeLibrary(String file, String property, String whyMissing) {
        this.file = file;
        this.property = property;
        this.whyMissing = whyMissing;
    }

    /** Loads the library on first use; why it is not loaded, or null when it is. */
    synchronized String problem() {
        if (!attempted) {
            attempted = true;
            problem = load();
        }
        return problem;
    }

    /** The jar resource of this platform's library, e.g. linux-x86_64/libactivebench.so. */
    String resource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : "other";
        String arch = System.getProperty("os.arch").replace("amd64", "x86_64");
        return os + "-" + arch + "/" + file;
    }

    private String load() {
        try {
            String override = System.getProperty(property);
            if (override != null) {
                System.load(Path.of(override).toAbsolutePath().toString());
                return null;
            }
            try (InputStream in = NativeLibrary.class.getResourceAsStream(resource())) {
                if (in == null) {
                    return "no " + resource() + " in the jar (" + whyMissing + ", or another platform)";
                }
                Path extracted = Files.createTempFile("activebench-", ".so");
                extracted.toFile().deleteOnExit();
                Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
                System.load(extracted.toString());
                return null;
            }
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            String reason = "cannot load " + file + ": " + e.getMessage();
            LOG.warning(reason);
            return reason;
        }
    }
}
