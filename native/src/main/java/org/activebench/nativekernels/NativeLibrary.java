package org.activebench.nativekernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Loads {@code libactivebench.so} once: from {@value #PROPERTY} when set (a locally built library), else from the
 * jar's per-platform resource, extracted to a temporary file. Any failure is kept as a reason, logged once, and
 * the provider falls back to another backend: a missing or broken library never fails a run.
 */
final class NativeLibrary {
    static final String PROPERTY = "activebench.native.library";
    private static final Logger LOG = Logger.getLogger(NativeLibrary.class.getName());
    private static final String PROBLEM = load();

    private NativeLibrary() {
    }

    /** Why the library is not loaded, or null when it is. */
    static String problem() {
        return PROBLEM;
    }

    /** The jar resource of this platform's library, e.g. linux-x86_64/libactivebench.so. */
    static String resource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : "other";
        String arch = System.getProperty("os.arch").replace("amd64", "x86_64");
        return os + "-" + arch + "/libactivebench.so";
    }

    private static String load() {
        try {
            String override = System.getProperty(PROPERTY);
            if (override != null) {
                System.load(Path.of(override).toAbsolutePath().toString());
                return null;
            }
            try (InputStream in = NativeLibrary.class.getResourceAsStream(resource())) {
                if (in == null) {
                    return "no " + resource() + " in the jar (built without gcc, or another platform)";
                }
                Path file = Files.createTempFile("activebench-", ".so");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toString());
                return null;
            }
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            String reason = "cannot load the native library: " + e.getMessage();
            LOG.warning(reason);
            return reason;
        }
    }
}
