package org.activebench.core.kernels;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.activebench.core.CacheDirectory;
import org.activebench.core.Version;

/**
 * The one-thread ranking of the backends as measured on this machine ({@code activebench kernels --calibrate},
 * which the launcher runs after each build), kept in the cache directory under the CPU's model, its vector width
 * and this version. Which backend is fastest depends on the CPU, not only on its instruction set (the C kernels lead
 * on an AMD Zen 3 with AVX2 and trail Panama on an Intel Xeon with AVX-512: benchmarks/RESULTS.md), and every
 * backend gives the same results, so the choice is made by timing them. The workload is the kernels a run calls
 * most: least confidence, margin and entropy over {@code ROWS} x 10 probabilities, squared distances in 384
 * dimensions; each backend's time is the best of five after a warm-up that lets the JIT compile Panama.
 */
public final class KernelRanking {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 100_003;

    /** What a calibration found: the names fastest first, and each one's milliseconds for the workload. */
    public record Calibration(String machine, List<String> ranking, Map<String, Double> milliseconds) {
    }

    private KernelRanking() {
    }

    /** The calibrated ranking of this machine and version, if one was stored. */
    public static Optional<List<String>> stored() {
        try {
            Path file = file();
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Calibration c = JSON.readValue(file.toFile(), Calibration.class);
            return c.machine().equals(machine()) ? Optional.of(List.copyOf(c.ranking())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged or foreign file: the built-in ranking serves
        }
    }

    /**
     * Times every available backend but the scalar reference (always last) and CUDA (chosen only by name), and stores
     * the ranking.
     */
    public static Calibration calibrate() {
        return store(measure(ROWS));
    }

    static Calibration measure(int rows) {
        SplittableRandom random = new SplittableRandom(1);
        float[] p = new float[rows * 10];
        for (int i = 0; i < rows; i++) {
            float sum = 0;
            for (int c = 0; c < 10; c++) {
                p[i * 10 + c] = (float) random.nextDouble();
                sum += p[i * 10 + c];
            }
            for (int c = 0; c < 10; c++) {
                p[i * 10 + c] /= sum;
            }
        }
        int n = Math.max(1, rows / 5);
        float[] x = new float[n * 384];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        Map<String, Double> ms = new LinkedHashMap<>();
        for (String name : KernelProvider.backends()) {
            if (!name.equals("scalar") && KernelProvider.unavailable(name) == null && !name.equals("cuda")) {
                ms.put(name, time(KernelProvider.byName(name, 1), p, rows, x, n));
            }
        }
        List<String> ranking = new ArrayList<>(ms.keySet());
        ranking.sort(Comparator.comparingDouble(ms::get));
        ranking.add("scalar");
        return new Calibration(machine(), List.copyOf(ranking), Map.copyOf(ms));
    }

    private static double time(ScoreKernels kernels, float[] p, int rows, float[] x, int n) {
        float[] out = new float[Math.max(rows, n)];
        Runnable workload = () -> {
            kernels.leastConfidence(p, rows, 10, out);
            kernels.margin(p, rows, 10, out);
            kernels.entropy(p, rows, 10, out);
            kernels.squaredDistances(x, n, 384, x, 0, out);
        };
        long warmUntil = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmUntil) {
            workload.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            long began = System.nanoTime();
            workload.run();
            best = Math.min(best, (System.nanoTime() - began) / 1e6);
        }
        return best;
    }

    private static Calibration store(Calibration calibration) {
        try {
            CacheDirectory.write(file(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(calibration));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the kernel ranking: " + e.getMessage(), e);
        }
        return calibration;
    }

    private static Path file() {
        return CacheDirectory.of("kernels").resolve("ranking.json");
    }

    /** This machine as the ranking depends on it: CPU model, Panama's vector shape, this version. */
    static String machine() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown, the shape and version still tell machines apart
        }
        return model + "; " + KernelProvider.panamaShape() + "; ActiveBench " + Version.get();
    }
}
