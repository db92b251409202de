package org.activebench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activebench.core.kernels.KernelBackend;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.KernelRanking;
import org.activebench.core.kernels.KernelSelfCheck;
import org.activebench.core.kernels.ScoreKernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench kernels}: the scoring backends of this JVM, the chosen one, and a self-check of it. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "List the kernel backends, show the chosen one and check it against the scalar reference.")
final class KernelsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--calibrate", description = "Time every backend on this machine first and store the ranking that"
            + " the automatic choice then follows (the launcher does this after each build).")
    boolean calibrate;

    private static boolean selfCheck(PrintWriter out, ScoreKernels kernels) {
        out.println();
        out.println("self-check of " + kernels.name() + " against the scalar reference (n=10007, k=10, C=5, d=384):");
        boolean passed = true;
        for (KernelSelfCheck.Outcome outcome : KernelSelfCheck.run(kernels)) {
            passed &= outcome.passed();
            out.printf(Locale.ROOT, "  %-20s %-4s %s%n", outcome.operation(), outcome.passed() ? "ok" : "FAIL",
                    outcome.exactRequired() ? (outcome.maxDifference() == 0 ? "identical" : "differs")
                            : String.format(Locale.ROOT, "max relative difference %.1e (allowed %.0e)",
                            outcome.maxDifference(), (double) ScoreKernels.SCORE_TOLERANCE));
        }
        return passed;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (calibrate) {
            KernelRanking.Calibration c = KernelRanking.calibrate();
            out.println("calibrated on " + c.machine() + ":");
            c.ranking().stream().filter(c.milliseconds()::containsKey).forEach(name -> out.printf(Locale.ROOT,
                    "  %-8s %.2f ms (least confidence, margin, entropy: 100003 x 10; distances: 20000 x 384)%n", name,
                    c.milliseconds().get(name)));
        }
        String panama = KernelProvider.panamaUnavailable();
        out.println("backends:");
        out.println("  scalar   available (the reference)");
        out.println("  panama   " + (panama == null ? "available, " + KernelProvider.panamaShape() : "unavailable: " + panama));
        for (KernelBackend backend : KernelProvider.plugged()) {
            out.printf(Locale.ROOT, "  %-8s %s%n", backend.name(),
                    (backend.unavailable() == null ? "available, " : "unavailable: ") + backend.describe());
        }
        ScoreKernels chosen = KernelProvider.get();
        boolean forced = System.getProperty(KernelProvider.PROPERTY, System.getenv(KernelProvider.ENV)) != null;
        out.println("chosen:   " + chosen.name() + (forced ? " (forced)" : " (automatic)") + ", "
                + KernelProvider.threads() + " thread(s) per call");
        boolean measured = KernelRanking.stored().isPresent() && KernelProvider.threads() == 1;
        out.println("ranking:  " + String.join(" > ", KernelProvider.ranking(KernelProvider.threads()))
                + (measured ? " (measured on this machine;" : " (built in; `activebench kernels --calibrate` measures"
                + " this machine;") + " the first available is chosen)");
        out.println("override: -D" + KernelProvider.PROPERTY + "=NAME or " + KernelProvider.ENV + "=NAME; threads: -D"
                + KernelProvider.THREADS_PROPERTY + "=N");
        boolean passed = true;
        for (String name : KernelProvider.backends()) {
            if (!name.equals("scalar") && KernelProvider.unavailable(name) == null) {
                passed &= selfCheck(out, KernelProvider.byName(name, 1));
            }
        }
        out.println(passed ? "all operations agree with the reference" : "SELF-CHECK FAILED: do not trust this backend");
        return passed ? 0 : 1;
    }
}
