package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or broken native library is one log line and a fallback, never a failed run. */
class NativeFallbackTest {
    @TempDir
    Path dir;

    /** Runs in a child JVM: the automatic choice, then what asking for native says. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("chosen=" + KernelProvider.get().name());
            try {
                System.out.println("native=" + KernelProvider.byName("native", 1).name());
            } catch (ActiveBenchException e) {
                System.out.println("native=" + e.getMessage());
            }
        }
    }

    @Test
    void missingOrBrokenLibraryFallsBack() throws Exception {
        Path missing = dir.resolve("missing.so");
        Path broken = Files.writeString(dir.resolve("broken.so"), "not an ELF file");
        for (Path library : List.of(missing, broken)) {
            String output = ChildJvm.run(Probe.class, "--add-modules", "jdk.incubator.vector",
                    "-Dactivebench.native.library=" + library);
            assertTrue(output.contains("chosen=panama"), output);
            assertTrue(output.contains("native=activebench.kernels: backend 'native' is unavailable: cannot load "
                    + "libactivebench.so: "), output);
        }
    }
}
