package org.activebench.core.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

/** Backend choice: Panama when the module is there, scalar in a JVM without it, overrides honoured. */
class KernelProviderTest {

    /** Runs in a child JVM: prints the chosen backend, then what asking for Panama says. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("chosen=" + KernelProvider.get().name());
            try {
                KernelProvider.byName("panama");
                System.out.println("panama=created");
            } catch (ActiveBenchException e) {
                System.out.println("panama=" + e.getMessage());
            }
        }
    }

    private static String probe(String... jvmArgs) throws Exception {
        return ChildJvm.run(Probe.class, jvmArgs);
    }

    @Test
    void aJvmWithoutTheVectorModuleFallsBackToScalar() throws Exception {
        String output = probe();
        assertTrue(output.contains("chosen=scalar"), output);
        assertTrue(output.contains("panama=activebench.kernels: backend 'panama' is unavailable: module "
                + "jdk.incubator.vector is not loaded (start the JVM with --add-modules jdk.incubator.vector)"), output);
        assertTrue(output.contains("kernels: scalar (reference); passed over: native: not on the class path; "
                + "panama: module jdk.incubator.vector is not loaded"), output);
    }

    @Test
    void withTheModulePanamaIsChosenAndTheOverrideWins() throws Exception {
        assertTrue(probe("--add-modules", "jdk.incubator.vector").contains("chosen=panama"));
        String forced = probe("--add-modules", "jdk.incubator.vector", "-D" + KernelProvider.PROPERTY + "=scalar");
        assertTrue(forced.contains("chosen=scalar"), forced);
        assertTrue(forced.contains("forced by"), forced);
    }

    @Test
    void badOverridesAreNamed() {
        var unknown = assertThrows(ActiveBenchException.class, () -> KernelProvider.byName("gpu"));
        assertEquals("activebench.kernels: unknown kernel backend 'gpu' (valid: scalar, panama)", unknown.getMessage());
        String old = System.getProperty(KernelProvider.THREADS_PROPERTY);
        try {
            System.setProperty(KernelProvider.THREADS_PROPERTY, "zero");
            var threads = assertThrows(ActiveBenchException.class, KernelProvider::threads);
            assertEquals("activebench.kernels.threads: expected a whole number >= 1, got 'zero'", threads.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(KernelProvider.THREADS_PROPERTY);
            } else {
                System.setProperty(KernelProvider.THREADS_PROPERTY, old);
            }
        }
    }
}
